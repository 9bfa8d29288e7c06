package refs

import (
	"errors"
	"report/internal/lang"
	"strings"
)

// Problem is something wrong with a reference in a piece of text; Offset is
// the byte offset of its {{ in the text.
type Problem struct {
	Offset  int
	Msg     string
	Warning bool
}

// Expand replaces every {{…}} in s, a title, caption or text from TOML or
// front matter, with what it resolves to. A reference that cannot be
// resolved is left as it was and reported.
func (c Context) Expand(s string) (string, []Problem) {
	if !strings.Contains(s, "{{") {
		return s, nil
	}
	var b strings.Builder
	var problems []Problem
	rest, at := s, 0
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			problems = append(problems, Problem{Offset: at + i, Msg: "{{ is not closed; write the reference as {{dataår}} or {{metric-id year}}, with }} at its end"})
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		inner := rest[i+2 : i+j]
		if _, words, ok, err := lang.ParsePhrase(inner); ok {
			// A phrase of another language: left for the page to mark,
			// or, refused, as its words only.
			if err != nil {
				problems = append(problems, Problem{Offset: at + i, Msg: err.Error()})
				b.WriteString(strings.NewReplacer("{", "", "}", "").Replace(words))
			} else {
				b.WriteString(rest[i : i+j+2])
			}
			rest, at = rest[i+j+2:], at+i+j+2
			continue
		}
		res, err := c.Resolve(inner)
		switch {
		case errors.Is(err, ErrIncomplete):
			b.WriteString(rest[i : i+j+2])
		case err != nil:
			problems = append(problems, Problem{Offset: at + i, Msg: "{{" + strings.TrimSpace(inner) + "}}: " + err.Error()})
			b.WriteString(rest[i : i+j+2])
		default:
			if res.Rounded && res.Off > MaxRoundingOff {
				problems = append(problems, Problem{Offset: at + i, Msg: "{{" + strings.TrimSpace(inner) + "}}: " + RoundingAdvice(res), Warning: true})
			}
			b.WriteString(res.Text)
		}
		rest, at = rest[i+j+2:], at+i+j+2
	}
	return b.String(), problems
}
