package danish

import (
	"strconv"
	"time"
)

var months = [...]string{
	"januar", "februar", "marts", "april", "maj", "juni",
	"juli", "august", "september", "oktober", "november", "december",
}

// Date writes a date the Danish way: "27. november 2026".
func Date(t time.Time) string {
	return strconv.Itoa(t.Day()) + ". " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
