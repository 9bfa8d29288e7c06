package pdfobj

// What a print needs to read of Chromium's PDF to fill in its contents'
// page numbers: the order of its pages and the page of each named
// destination.

import "fmt"

// maxPageTreeDepth bounds the page tree, which Chromium writes one level
// deep.
const maxPageTreeDepth = 32

// PageCount is the number of pages.
func (f *File) PageCount() (int, error) {
	pages, err := f.pages()
	if err != nil {
		return 0, fmt.Errorf("pdf: %w", err)
	}
	return len(pages), nil
}

// Destinations maps each named destination to its page, counted from 1.
func (f *File) Destinations() (map[string]int, error) {
	dests, err := f.destinations()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return dests, nil
}

// pages lists the page objects in order.
func (f *File) pages() ([]int, error) {
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("the catalog: %w", err)
	}
	var out []int
	seen := map[int]bool{}
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		r, ok := v.(ref)
		switch {
		case !ok:
			return fmt.Errorf("the page tree holds %s where a reference to a page was expected", kindOf(v))
		case depth > maxPageTreeDepth:
			return fmt.Errorf("the page tree is more than %d levels deep", maxPageTreeDepth)
		case seen[r.num]:
			return fmt.Errorf("the page tree holds object %d twice", r.num)
		}
		seen[r.num] = true
		d, err := f.dict(r)
		if err != nil {
			return fmt.Errorf("the page tree's object %d: %w", r.num, err)
		}
		if d["Type"] == name("Page") {
			out = append(out, r.num)
			return nil
		}
		kids, _ := d["Kids"].([]any)
		for _, k := range kids {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root["Pages"], 0)
}

// destinations maps each named destination to its page, counted from 1.
func (f *File) destinations() (map[string]int, error) {
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("the catalog: %w", err)
	}
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	pageNo := map[int]int{}
	for i, num := range pages {
		pageNo[num] = i + 1
	}
	out := map[string]int{}
	if root["Dests"] == nil {
		return out, nil
	}
	dests, err := f.dict(root["Dests"])
	if err != nil {
		return nil, fmt.Errorf("the catalog's /Dests: %w", err)
	}
	for k, v := range dests {
		v, err := f.resolve(v)
		if err != nil {
			return nil, fmt.Errorf("the destination %q: %w", k, err)
		}
		if d, ok := v.(map[string]any); ok {
			v = d["D"]
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 {
			continue
		}
		if r, ok := arr[0].(ref); ok && pageNo[r.num] > 0 {
			out[k] = pageNo[r.num]
		}
	}
	return out, nil
}
