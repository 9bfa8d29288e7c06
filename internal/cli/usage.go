package cli

import (
	"flag"
	"io"
	"strings"
)

// command is one of report's commands, as its usage lists it: the flags
// come from the very flag set the command parses, so the list cannot leave
// one out.
type command struct {
	name     string                        // "build", "new case"
	args     string                        // its positional arguments, "YEAR"
	what     string                        // what it does, in one line
	flags    func(io.Writer) *flag.FlagSet // nil for a command without flags
	required []string                      // flags it cannot do without
}

var commands = []command{
	{name: "build", what: "write the site to a folder (default public/), replacing it only when the build succeeds",
		flags: func(w io.Writer) *flag.FlagSet { return new(buildFlags).set(w) }},
	{name: "check", what: "check everything, write nothing",
		flags: func(w io.Writer) *flag.FlagSet { return new(checkFlags).set(w) }},
	{name: "serve", what: "preview with live reload on http://127.0.0.1:1313/",
		flags: func(w io.Writer) *flag.FlagSet { return new(serveFlags).set(w) }},
	{name: "new case", args: `"Title"`, what: "start a case story", required: []string{"edition", "cluster"},
		flags: func(w io.Writer) *flag.FlagSet { return new(newCaseFlags).set(w) }},
	{name: "new edition", args: "YEAR", what: "start next year's edition from the latest",
		flags: func(w io.Writer) *flag.FlagSet { return new(newEditionFlags).set(w) }},
	{name: "version", what: "print the version"},
}

// usage is what report prints without a command, or with help.
func usage() string {
	var b strings.Builder
	b.WriteString("report builds the online edition of the Danish clusters' performance report.\n\nUsage:\n")
	for _, c := range commands {
		b.WriteString(synopsis(c.name))
	}
	b.WriteString("\nRun \"report <command> -h\" for what each flag does.\n")
	return b.String()
}

// synopsis is a command's lines of the usage: the command with every flag
// it takes (the required ones first, without brackets), then what it does.
func synopsis(name string) string {
	for _, c := range commands {
		if c.name != name {
			continue
		}
		line := "  report " + c.name
		var optional []string
		if c.flags != nil {
			c.flags(io.Discard).VisitAll(func(f *flag.Flag) {
				arg, _ := flag.UnquoteUsage(f)
				word := "--" + f.Name
				if arg != "" {
					word += " " + arg
				}
				if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && f.DefValue == "true" {
					word += "=false" // on unless turned off, which is all there is to write
				}
				for _, r := range c.required {
					if r == f.Name {
						line += " " + word
						return
					}
				}
				optional = append(optional, "["+word+"]")
			})
		}
		for _, o := range optional {
			line += " " + o
		}
		if c.args != "" {
			line += " " + c.args
		}
		return line + "\n      " + c.what + "\n"
	}
	return ""
}
