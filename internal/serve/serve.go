// Package serve serves a rendered site from memory, as a static host would:
// a folder's index.html for a path ending in a slash, 404.html for anything
// unknown. Paths are looked up in the rendered output, never on disk, so no
// request can reach a file outside the site.
package serve

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"report/internal/render"
)

// Handler serves the output.
func Handler(out render.Output) http.Handler {
	files := make(map[string][]byte, len(out))
	for _, f := range out {
		files[f.Path] = f.Data
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name, redirect := lookup(files, r.URL.Path)
		if redirect != "" {
			http.Redirect(w, r, redirect, http.StatusMovedPermanently)
			return
		}
		body, ok := files[name]
		status := http.StatusOK
		if !ok {
			name, status = "404.html", http.StatusNotFound
			body = files[name]
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		if status != http.StatusOK {
			w.WriteHeader(status)
			_, _ = w.Write(body)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
	})
}

// lookup maps a URL path to an output file, or to a redirect that adds the
// slash a folder's URL needs.
func lookup(files map[string][]byte, urlPath string) (name, redirect string) {
	clean := path.Clean("/" + urlPath)
	if strings.Contains(urlPath, "..") || clean == "/" && urlPath != "/" && urlPath != "" {
		return "", ""
	}
	name = strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(urlPath, "/") || name == "" {
		return path.Join(name, "index.html"), ""
	}
	if _, ok := files[name]; !ok {
		if _, ok := files[name+"/index.html"]; ok {
			return "", urlPath + "/"
		}
	}
	return name, ""
}
