package pdfobj

// The classic cross-reference table (7.5.4): "xref", then sections of a
// line "first count" and count entries of exactly 20 bytes each,
// "oooooooooo ggggg n" and a two-byte end of line.

import (
	"bytes"
	"fmt"
	"strconv"
)

// entryLen is the length of a cross-reference entry, its end of line
// included.
const entryLen = 20

// table is a cross-reference table read: the offset of each object in
// use, by number; how many objects it has entries for, free or in use;
// and where it ends.
type table struct {
	offsets map[int]int
	entries int
	end     int
}

// readXref reads the cross-reference table at xref. Its sections must
// follow one another from object 0, as in a file written whole, never
// updated: then the table is no longer than the file, and nor is the
// /Size that must match it.
func readXref(data []byte, xref int) (*table, error) {
	pos := xref + len("xref")
	pos = skipEOL(data, pos)
	if pos == xref+len("xref") {
		return nil, fmt.Errorf("no end of line after \"xref\"")
	}
	t := &table{offsets: map[int]int{}}
	for pos < len(data) && data[pos] >= '0' && data[pos] <= '9' {
		first, count, next, err := sectionHeader(data, pos)
		if err != nil {
			return nil, fmt.Errorf("the section at offset %d: %w", pos, err)
		}
		if first != t.entries {
			return nil, fmt.Errorf("the section at offset %d begins at object %d, not %d", pos, first, t.entries)
		}
		pos = next
		if count > (len(data)-pos)/entryLen {
			return nil, fmt.Errorf("the section at offset %d has %d entries, and the file ends before them", pos, count)
		}
		for i := range count {
			num := first + i
			off, inUse, err := xrefEntry(data[pos : pos+entryLen])
			if err != nil {
				return nil, fmt.Errorf("the entry of object %d at offset %d: %w", num, pos, err)
			}
			pos += entryLen
			if !inUse {
				continue
			}
			if err := checkEntry(t.offsets, num, off, xref); err != nil {
				return nil, err
			}
			t.offsets[num] = off
		}
		t.entries += count
	}
	if len(t.offsets) == 0 {
		return nil, fmt.Errorf("the table lists no object in use")
	}
	t.end = pos
	return t, nil
}

// checkEntry holds an object in use to what the table may say of it.
func checkEntry(offsets map[int]int, num, off, xref int) error {
	switch _, twice := offsets[num]; {
	case num == 0:
		return fmt.Errorf("object 0, which is always free, is in use")
	case twice:
		return fmt.Errorf("object %d is listed twice", num)
	case off <= 0 || off >= xref:
		return fmt.Errorf("object %d is at offset %d, outside the objects before the table", num, off)
	}
	return nil
}

// skipEOL passes the ends of line (and the spaces some writers leave
// before them) at pos.
func skipEOL(data []byte, pos int) int {
	for pos < len(data) && (data[pos] == '\r' || data[pos] == '\n' || data[pos] == ' ') {
		pos++
	}
	return pos
}

// sectionHeader reads a section's line "first count" at pos, and returns
// where its entries begin.
func sectionHeader(data []byte, pos int) (first, count, next int, err error) {
	line := data[pos:]
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	fields := bytes.Split(bytes.TrimRight(line, " "), []byte(" "))
	if len(fields) != 2 {
		return 0, 0, 0, fmt.Errorf("the line %q is not \"first count\"", line)
	}
	first, err1 := smallNumber(fields[0])
	count, err2 := smallNumber(fields[1])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, fmt.Errorf("the line %q is not \"first count\"", line)
	}
	next = skipEOL(data, pos+len(line))
	if next == pos+len(line) {
		return 0, 0, 0, fmt.Errorf("the line %q has no end", line)
	}
	return first, count, next, nil
}

// smallNumber reads digits alone, no more than ten of them: object
// numbers and offsets fit in ten digits.
func smallNumber(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 10 {
		return 0, fmt.Errorf("%q is not a number of at most ten digits", b)
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q is not a number of at most ten digits", b)
		}
	}
	return strconv.Atoi(string(b))
}

// xrefEntry reads one entry: the object's offset, and whether it is in use.
// Only generation 0 is read: Chromium writes a new file, never an update.
func xrefEntry(e []byte) (off int, inUse bool, err error) {
	eol := string(e[18:])
	if e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f') || (eol != " \n" && eol != " \r" && eol != "\r\n") {
		return 0, false, fmt.Errorf("%q is not \"oooooooooo ggggg n\" and an end of line", e)
	}
	off, err1 := smallNumber(e[:10])
	gen, err2 := smallNumber(e[11:16])
	if err1 != nil || err2 != nil {
		return 0, false, fmt.Errorf("%q is not \"oooooooooo ggggg n\" and an end of line", e)
	}
	if e[17] == 'f' {
		return 0, false, nil
	}
	if gen != 0 {
		return 0, false, fmt.Errorf("generation %d: only generation 0 is supported", gen)
	}
	return off, true, nil
}
