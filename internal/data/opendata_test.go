package data

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
)

// loadBase loads the test site's data with files laid over it.
func loadBase(t *testing.T, over map[string]string) (*Data, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	base := os.DirFS("../../testdata/sites/base")
	for _, name := range []string{"data/site.toml", "data/fields.toml", "data/clusters.toml", "data/metrics.toml", "data/years/2014.toml", "data/years/2015.toml", "data/editions/2016.toml"} {
		b, err := fs.ReadFile(base, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	for name, src := range over {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	var problems diag.List
	d := Load(fsys, &problems)
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	return d, got
}

// TestDataLicence checks the open data's licence in data/site.toml: the
// placeholder left empty warns at its line, a licence named is silent,
// and an identifier or address that is no such thing is an error.
func TestDataLicence(t *testing.T) {
	for _, tc := range []struct {
		name, site string
		want       []string
		id, url    string
	}{
		{"none", "title = \"T\"\n", nil, "", ""},
		{"placeholder", "title = \"T\"\ndata_licence = \"\"\ndata_licence_url = \"\"\n",
			[]string{`data/site.toml:2:1: warning: "data_licence" is still empty, so the open data (tal/data/) are published without a licence`}, "", ""},
		{"named", "title = \"T\"\ndata_licence = \"CC-BY-4.0\"\ndata_licence_url = \"https://creativecommons.org/licenses/by/4.0/\"\n",
			nil, "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"},
		{"bad", "title = \"T\"\ndata_licence = \"CC BY 4.0\"\ndata_licence_url = \"javascript:alert(1)\"\n",
			[]string{`data/site.toml:2:1: error: "data_licence" must be a licence's identifier`, `data/site.toml:3:1: error: "data_licence_url" must be a full https:// address`}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, got := loadBase(t, map[string]string{"data/site.toml": tc.site})
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %d problems starting %q", got, len(tc.want), tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("got %q, want it to start %q", got[i], tc.want[i])
				}
			}
			if d.Site.DataLicence != tc.id || d.Site.DataLicenceURL != tc.url {
				t.Errorf("licence %q at %q, want %q at %q", d.Site.DataLicence, d.Site.DataLicenceURL, tc.id, tc.url)
			}
		})
	}
}

// TestReservedMetricID refuses a metric whose page would be the page about
// the open data, tal/data/.
func TestReservedMetricID(t *testing.T) {
	metrics, err := os.ReadFile("../../testdata/sites/base/data/metrics.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, got := loadBase(t, map[string]string{"data/metrics.toml": string(metrics) + "\n[[metric]]\nid = \"data\"\nlabel = \"Data\"\n"})
	want := `metric id "data" is taken: a metric's page is tal/<id>/, and tal/data/ is the page about the open data; choose another id`
	if len(got) != 1 || !strings.Contains(got[0], want) {
		t.Errorf("got %q, want one error %q", got, want)
	}
	if d.Metric("data") != nil {
		t.Error("the metric was registered all the same")
	}
}

// TestDerivation says how each kind of metric derives from others, in
// their ids, and that a counted figure derives from none.
func TestDerivation(t *testing.T) {
	d, got := loadBase(t, nil)
	if len(got) > 0 {
		t.Fatal(got)
	}
	for id, want := range map[string]string{
		"succesrate":            "bevillinger / ansoegninger",
		"omsaetning-gennemsnit": "omsaetning / klynger",
		"omsaetning":            "omsaetning-staten + omsaetning-andet",
		"omsaetning-staten":     "",
		"virksomheder":          "",
		"ukendt":                "",
	} {
		if got := d.Derivation(id); got != want {
			t.Errorf("Derivation(%q) = %q, want %q", id, got, want)
		}
	}
	for year, want := range map[int]int{2013: 0, 2014: 1, 2015: 1, 2016: 0} {
		if got := len(d.EditionsOf(year)); got != want {
			t.Errorf("EditionsOf(%d): %d editions, want %d", year, got, want)
		}
	}
}
