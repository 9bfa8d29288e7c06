package markdown

import "testing"

// TestDropHTML lets go of a body's HTML only where it can be converted
// again, and converts it again when it is asked for after all.
func TestDropHTML(t *testing.T) {
	conversions := 0
	again := func() string { conversions++; return "<p>igen</p>" }

	kept := (&Doc{}).WithHTML("<p>eneste</p>")
	kept.DropHTML()
	if got := kept.HTML(); got != "<p>eneste</p>" {
		t.Errorf("a Doc that cannot convert again dropped its HTML: %q", got)
	}

	d := (&Doc{}).WithHTML("<p>først</p>").ReloadableFrom(again)
	if got := d.HTML(); got != "<p>først</p>" || conversions != 0 {
		t.Errorf("before the drop: %q after %d conversions, want the HTML it had and none", got, conversions)
	}
	d.DropHTML()
	if conversions != 0 {
		t.Errorf("dropping converted %d times", conversions)
	}
	for range 2 {
		if got := d.HTML(); got != "<p>igen</p>" {
			t.Errorf("after the drop: %q, want it converted again", got)
		}
	}
	if conversions != 1 {
		t.Errorf("asked twice after the drop: %d conversions, want 1", conversions)
	}

	lazy := (&Doc{}).WithHTMLFrom(again)
	lazy.HTML()
	lazy.DropHTML()
	lazy.HTML()
	if conversions != 3 {
		t.Errorf("a Doc a cache read back converts again after a drop: %d conversions in all, want 3", conversions)
	}
}
