package internal_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// predeclared are Go's builtin functions and types: a name of the module
// that takes one hides it from the code around, and reads as the builtin.
var predeclared = []string{
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
	"max", "min", "new", "panic", "print", "println", "real", "recover",
	"any", "bool", "byte", "error", "rune", "string", "int", "float64",
}

// TestNoBuiltinShadowed fails on a function, variable, constant or
// parameter of the module named like a builtin.
func TestNoBuiltinShadowed(t *testing.T) {
	fset := token.NewFileSet()
	for _, root := range []string{".", "../cmd", "../tools"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") {
				return nil
			}
			file, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			check := func(id *ast.Ident) {
				if id != nil && slices.Contains(predeclared, id.Name) {
					t.Errorf("%s: %s hides the builtin %s; give it a name of its own", fset.Position(id.Pos()), id.Name, id.Name)
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Recv == nil {
						check(n.Name)
					}
				case *ast.Field:
					for _, id := range n.Names {
						check(id)
					}
				case *ast.ValueSpec:
					for _, id := range n.Names {
						check(id)
					}
				case *ast.AssignStmt:
					if n.Tok == token.DEFINE {
						for _, e := range n.Lhs {
							id, _ := e.(*ast.Ident)
							check(id)
						}
					}
				case *ast.RangeStmt:
					if n.Tok == token.DEFINE {
						k, _ := n.Key.(*ast.Ident)
						v, _ := n.Value.(*ast.Ident)
						check(k)
						check(v)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
