package render

import "slices"

// The pages of the site in its other languages: written under the
// language's folder (en/…), and linked to their Danish pages both ways,
// by hreflang and by the visible language switch.

// siteJobs lists the Danish site's pages, then each other language's under
// its folder, and gives every page the addresses of its versions.
func (r *Renderer) siteJobs() []job {
	jobs := r.languageJobs()
	for _, v := range r.versions {
		for _, j := range v.languageJobs() {
			// Each language has its 404 page too: en/404.html, which hosts
			// serve for a missing address under en/ (see redirects).
			j.path = v.prefix + j.path
			jobs = append(jobs, j)
		}
	}
	if len(r.versions) > 0 {
		r.linkVersions(jobs)
	}
	return jobs
}

// linkVersions gives each page its versions: the pages at the same path
// in each language that has one.
func (r *Renderer) linkVersions(jobs []job) {
	langs := append([]*Renderer{r}, r.versions...)
	// The languages that have a page at each address, a bit each: a site
	// has a handful of languages, and a set of them for each of 10,000
	// addresses was a map each.
	byURL := make(map[string]uint64, len(jobs))
	for _, j := range jobs {
		byURL[j.data.URL] |= 1 << slices.Index(langs, j.r)
	}
	// Every page's two lists are parts of one array each.
	versions := make([]Version, 0, len(jobs)*len(langs))
	switches := make([]Version, 0, len(jobs)*(len(langs)-1))
	for _, j := range jobs {
		if j.kind == "404" {
			continue
		}
		d := j.data
		v, s := len(versions), len(switches)
		for i, l := range langs {
			has := byURL[d.URL]&(1<<i) != 0
			if has {
				versions = append(versions, l.version(d.URL))
			}
			if l != j.r {
				target := "" // the other language's front page
				if has {
					target = d.URL
				}
				switches = append(switches, l.version(target))
			}
		}
		d.Versions, d.Switch = part(versions, v), part(switches, s)
	}
}

// part is what list holds from index from on: nil when that is nothing,
// as appending to nil gave, and capped at its end, so that nothing
// appended to the part can write over the next page's.
func part(list []Version, from int) []Version {
	if len(list) == from {
		return nil
	}
	return list[from:len(list):len(list)]
}

// version is the page at path p in the renderer's language.
func (r *Renderer) version(p string) Version {
	href := r.basePath + p
	if r.origin != "" {
		href = r.origin + href
	}
	return Version{Lang: r.lang.Code, Name: r.lang.Name, Href: href}
}
