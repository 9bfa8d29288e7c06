package pdfobj

import "testing"

func TestArtifacts(t *testing.T) {
	in := "q 1 0 0 1 0 0 cm BT /F1 9 Tf (Side 1 af 2) Tj ET Q\n" +
		"/P <</MCID 0>> BDC BT /F1 12 Tf <0041> Tj ET 0 0 m 10 0 l S EMC\n" +
		"0 0 10 10 re W* n 0 0 5 5 re f /Im1 Do"
	want := "q 1 0 0 1 0 0 cm\n/Artifact BMC BT /F1 9 Tf (Side 1 af 2) Tj ET\nEMC Q\n" +
		"/P <</MCID 0>> BDC BT /F1 12 Tf <0041> Tj ET 0 0 m 10 0 l S EMC\n" +
		"0 0 10 10 re W* n\n/Artifact BMC 0 0 5 5 re f\nEMC\n/Artifact BMC /Im1 Do\nEMC"
	out, n, err := artifacts([]byte(in))
	if err != nil || n != 3 || string(out) != want {
		t.Errorf("artifacts: %d, %v\n%s\nwant\n%s", n, err, out, want)
	}
}

// TestArtifactsRefused: a content stream the scan cannot read whole is an
// error, never a guess.
func TestArtifactsRefused(t *testing.T) {
	for _, bad := range []string{
		"EMC BT ET",                // marked content ended that never began
		"/P BMC BT ET",             // marked content left open
		"BT (text) Tj",             // a text object left open
		"BI /W 1 ID x EI",          // an inline image
		"BT (unclosed Tj ET",       // a string left open
		"BT <00zz> Tj ET",          // a hex string with no hex in it
		"BT /F#zz 9 Tf ET",         // a name with a broken escape
		"BT ) ET",                  // a parenthesis alone
		"0 0 m 10 0 l S > 1 0 0 1", // a > alone
		// What would make one span overlap another, or cross the bounds
		// of marked content (FuzzArtifacts found the first: a slice out
		// of range):
		"m BT/()<<>>BDC <>ET S EMC", // a text object within a path
		"0 0 m /P BMC EMC S",        // marked content within a path
		"0 0 m /Im1 Do S",           // an XObject within a path
		"BT 0 0 m 1 1 l S ET",       // a path within a text object
		"BT /Im1 Do ET",             // an XObject within a text object
		"BT BT ET ET",               // a text object within a text object
		"ET",                        // a text object never begun
		"BT /P BMC ET EMC",          // a text object that ends in marked content
		"/P BMC BT EMC ET",          // marked content that ends in a text object
	} {
		if _, _, err := artifacts([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
