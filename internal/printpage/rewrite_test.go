package printpage

import "testing"

func TestPrintAddresses(t *testing.T) {
	for in, want := range map[string]string{
		// The words say the address: nothing follows.
		`<a href="https://www.clusterexcellencedenmark.dk/">www.clusterexcellencedenmark.dk</a>`: `<a href="https://www.clusterexcellencedenmark.dk/">www.clusterexcellencedenmark.dk</a>`,
		// They do not: the address follows once, breakable after a slash alone.
		`<a class="x" href="https://example.org/a-b/c?d=1&amp;e=2">rapporten</a>.`: `<a class="x" href="https://example.org/a-b/c?d=1&amp;e=2">rapporten</a> <span class="print-url">(<span>example.org/</span><wbr><span>a-b/</span><wbr><span>c?d=1&amp;e=2</span>)</span>.`,
		// In a table, a link names a figure's page: no address.
		`<table><tr><td><a href="https://example.org/tal/x/">X</a></td></tr></table>`: `<table><tr><td><a href="https://example.org/tal/x/">X</a></td></tr></table>`,
		// A link to the site's own pages is for the reader to follow.
		`<a href="https://example.org/rapport/2016/klynger/x/">X</a>`: `<a href="https://example.org/rapport/2016/klynger/x/">X</a>`,
		// Links within the document are left alone.
		`<a href="#forord">Forord</a>`: `<a href="#forord">Forord</a>`,
	} {
		if got := printAddresses(in, "https://example.org/rapport/"); got != want {
			t.Errorf("printAddresses(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
