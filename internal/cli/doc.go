// Package cli is the report command: it reads flags, runs a stage and turns
// the outcome into output and an exit status. It is the only package that
// prints. main hands it os.Args, so tests run the real command in-process.
package cli
