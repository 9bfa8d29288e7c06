// Command report builds the online edition of the Danish clusters' annual
// performance report. See the README for how to use it.
package main

import (
	"os"

	"report/internal/cli"
)

func main() { os.Exit(cli.Main()) }
