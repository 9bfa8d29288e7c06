package share

import "testing"

// BenchmarkRender draws and encodes the 2016 edition's share image, as a
// build's first plan does (nothing cached).
func BenchmarkRender(b *testing.B) {
	card := Card{Site: "Viden og vækst til danske virksomheder", Title: "Performanceregnskab 2016",
		Prefix: "omkring", Number: "12.000", Text: "virksomheder deltog i de danske klyngers aktiviteter i 2015"}
	b.ReportAllocs()
	for b.Loop() {
		cache.Clear()
		if _, err := Render(card); err != nil {
			b.Fatal(err)
		}
	}
}
