package chart

import (
	"crypto/sha256"
	"encoding/json"
	"math"
	"sync"
)

// cache keeps drawn charts by the content of their spec, for the life of the
// process: the preview server rebuilds the site on every edit, and a chart
// whose data did not change is not drawn again.
var cache struct {
	sync.Mutex
	svgs map[[32]byte][]byte
	used map[[32]byte]bool // looked up or drawn since the last Drawn
}

// maxCached bounds the cache; past it, the cache starts over.
const maxCached = 4096

// RenderCached is Render, remembering its results by the spec's content.
func RenderCached(s Spec) ([]byte, error) {
	key, ok := specKey(s)
	if ok {
		cache.Lock()
		svg, hit := cache.svgs[key]
		if hit {
			use(key)
		}
		cache.Unlock()
		if hit {
			return svg, nil
		}
	}
	svg, err := Render(s)
	if err != nil || !ok {
		return svg, err
	}
	cache.Lock()
	if cache.svgs == nil || len(cache.svgs) >= maxCached {
		cache.svgs = map[[32]byte][]byte{}
	}
	cache.svgs[key] = svg
	use(key)
	cache.Unlock()
	return svg, nil
}

// use notes a chart as wanted; the cache is locked.
func use(key [32]byte) {
	if cache.used == nil {
		cache.used = map[[32]byte]bool{}
	}
	cache.used[key] = true
}

// Drawn returns the charts RenderCached drew or looked up since the last
// call, by the hash of their spec, for a later process to Recall: the
// build keeps them beside its output, so that the next build draws only
// the charts whose figures or words changed.
func Drawn() map[[32]byte][]byte {
	cache.Lock()
	defer cache.Unlock()
	out := make(map[[32]byte][]byte, len(cache.used))
	for key := range cache.used {
		if svg, ok := cache.svgs[key]; ok {
			out[key] = svg
		}
	}
	cache.used = nil
	return out
}

// Recall puts charts an earlier process drew (see Drawn) into the cache.
// The caller vouches that the same program drew them: the keys hash the
// specs, not the code that draws them.
func Recall(svgs map[[32]byte][]byte) {
	cache.Lock()
	defer cache.Unlock()
	if cache.svgs == nil || len(cache.svgs)+len(svgs) >= maxCached {
		cache.svgs = map[[32]byte][]byte{}
	}
	for key, svg := range svgs {
		cache.svgs[key] = svg
	}
}

// specKey hashes everything that shapes the drawing: the spec, and its
// language's conventions and [chart] strings, so that a chart is drawn
// again for another language or when the strings change in the preview.
// NaN has no JSON form, so missing figures are encoded as null.
func specKey(s Spec) ([32]byte, bool) {
	type series struct {
		Name   string
		Values []*float64
	}
	type language struct {
		Code           string
		Decimal, Group byte
		Points         string
		Words          []string
	}
	l := s.Lang
	if l == nil {
		return [32]byte{}, false // Render refuses it
	}
	enc := struct {
		Spec
		Series []series
		Lang   language // in place of the Spec's, which is a pointer
	}{Spec: s, Lang: language{Code: l.Code, Decimal: l.Decimal, Group: l.Group, Points: l.Points}}
	enc.Spec.Series, enc.Spec.Lang = nil, nil
	for _, key := range wordKeys {
		enc.Lang.Words = append(enc.Lang.Words, l.T(key))
	}
	for _, ser := range s.Series {
		vs := make([]*float64, len(ser.Values))
		for i, v := range ser.Values {
			if !math.IsNaN(v) {
				vs[i] = &ser.Values[i]
			}
		}
		enc.Series = append(enc.Series, series{Name: ser.Name, Values: vs})
	}
	b, err := json.Marshal(enc)
	if err != nil {
		return [32]byte{}, false
	}
	return sha256.Sum256(b), true
}

// ForgetDrawn empties the cache of drawn charts, so that a benchmark of
// the edition's charts (figures.BenchmarkEditionCharts) measures drawing
// them, not looking them up.
func ForgetDrawn() {
	cache.Lock()
	cache.svgs, cache.used = nil, nil
	cache.Unlock()
}
