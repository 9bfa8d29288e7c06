package draft

import (
	"slices"
	"testing"
)

func TestScan(t *testing.T) {
	old := Old{Edition: 2016, FirstYear: 2012, DataYear: 2015, To: 2017}
	tests := []struct {
		text string
		want []string // the text at each finding's offset, up to its end
	}{
		{"I 2015 havde hver af de 44 klynger", []string{"2015", "44"}},
		{"Udviklingen fra 2012–2015", []string{"2012–2015"}},
		{"fra 2012 - 2015.", []string{"2012 - 2015"}},
		{"35 ud af de klynger, altså næsten 80 %", []string{"35", "80"}},
		{"siden det første regnskab i 2006", nil},
		{"b2b og 2.0-strategien, Patient@home", nil},
		{"fra under 500.000 til over 30 mio.", []string{"500.000", "30"}},
		{"vækst på 3,6 procentpoint", []string{"3,6"}},
		{"2017 er den nye udgave", nil},
		{"omkring 12.000 virksomheder i 2014.", []string{"12.000", "2014"}},
		{"normalt 5–6 % for SMV’er", []string{"5–6"}},
		{"skriv &#123;&#123;omsaetning&#125;&#125; og 40", []string{"40"}}, // characters, not figures
		// Definitions are confirmed once, in data/definitions.toml.
		{"heraf 8.466 med under 50 medarbejdere", []string{"8.466"}},
	}
	for _, tt := range tests {
		var got []string
		old := old
		old.Definitions = []string{"under 50 medarbejdere"}
		Scan(tt.text, old, func(f Finding) {
			got = append(got, tt.text[f.Offset:f.End])
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("Scan(%q) found %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMessages(t *testing.T) {
	old := Old{Edition: 2016, FirstYear: 2012, DataYear: 2015, To: 2017}
	var msgs []string
	Scan("I 2015 hjalp 40 ud af de klynger i perioden 2012–2015.", old, func(f Finding) { msgs = append(msgs, f.Msg) })
	want := []string{
		"2015 is one of edition 2016's years; write {{dataår}}, {{startår}} or {{udgave}} (dataår-1 for the year before), or keep it if it is history",
		`"40 ud af" is a count typed for edition 2016; bind it to the data ({{metric-id}}) or check that it holds for 2017`,
		`"2012–2015" spans edition 2016's years; write {{startår}}–{{dataår}} (or {{år}} in a chart's or table's title) so it follows the edition`,
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("messages:\n%q\nwant:\n%q", msgs, want)
	}
}
