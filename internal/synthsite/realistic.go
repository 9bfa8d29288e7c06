package synthsite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
)

// clusterID finds the clusters' ids in data/clusters.toml.
var clusterID = regexp.MustCompile(`(?m)^id = "([^"]+)"`)

// WriteRealistic writes the shipped site of the repository at repo, with
// its content, data, layouts and styles, plus o.Pages generated case
// stories in its first edition, each by one of its real clusters: the
// site an editor's next years grow towards, as a benchmark sees it. Its
// stories are the pages WriteHugo writes for Hugo with the same Options.
func WriteRealistic(root, repo string, o Options) error {
	for _, dir := range []string{"content", "data", "i18n", "layouts", "static"} {
		if err := CopyTree(filepath.Join(repo, dir), filepath.Join(root, dir)); err != nil {
			return err
		}
	}
	clusters, err := os.ReadFile(filepath.Join(repo, "data", "clusters.toml"))
	if err != nil {
		return err
	}
	var ids []string
	for _, m := range clusterID.FindAllStringSubmatch(string(clusters), -1) {
		ids = append(ids, m[1])
	}
	if len(ids) == 0 {
		return fmt.Errorf("%s: no clusters", filepath.Join(repo, "data", "clusters.toml"))
	}
	for _, p := range pages(o) {
		// The shipped site's first edition; its stories are its own.
		text := fmt.Sprintf("+++\ntitle = %q\ncluster = %q\ntheme = %q\nsummary = %q\n\n[quote]\ntext = %q\nperson = %q\nrole = \"Direktør\"\norganisation = \"Firma\"\n+++\n\n%s",
			p.title, ids[p.cluster%len(ids)], p.theme, p.title, p.quote, p.person, p.body)
		if err := write(root, fmt.Sprintf("content/2016/cases/%s.md", p.slug), text); err != nil {
			return err
		}
	}
	return nil
}
