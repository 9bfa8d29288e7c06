//go:build sitecheck

package sitecheck

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"report/internal/cms"
	"report/internal/diag"
	"report/internal/pipeline"
	"report/internal/render"
	"report/internal/scaffold"
	reportsite "report/internal/site"
	"report/internal/sitetest"
	"report/internal/slugs"
)

// The editors' CMS, driven in Chromium as an editor drives it: the real
// Sveltia CMS of the built site (make check-site publishes it from npm),
// under the admin page's own policy from _headers, in its local workflow
// ("Arbejd med lokalt repository") on a copy of the shipped sources.
//
// The local workflow reads and writes a folder the editor picks in the
// browser's folder dialog (the File System Access API), which headless
// Chromium cannot answer (chromedp#528, playwright#11288). So the test
// hands the CMS a folder the browser itself provides, its origin-private
// file system, filled with the sources' content/ and data/ before the CMS
// starts, and copies what the CMS wrote back to disk afterwards. Nothing
// of the CMS is replaced: only the dialog's answer.

// cmsBundle is the folder make cms copies the CMS's bundle to.
var cmsBundle = flag.String("cms", "../../.cms", "the CMS bundle make cms copies from npm")

// cmsFolders are the folders of the sources the CMS reads and writes.
var cmsFolders = []string{"content", "data"}

// cmsHelpers drive the CMS's forms through their DOM, as clicks and typing
// would: a field is found by its key path (data-key-path), in the Danish
// pane (first) or the translation's (second).
const cmsHelpers = `window.cmsTest = {
	field(pane, key) {
		const scope = pane ? document.getElementById(pane + "-pane-body") : document;
		return scope && scope.querySelector('section.field[data-key-path="' + key + '"]');
	},
	// find waits for a field: the form draws fields as they scroll into
	// view, so it scrolls down the pane until the field is there.
	async find(pane, key) {
		for (let i = 0; i < 40; i++) {
			const f = this.field(pane, key);
			if (f) { f.scrollIntoView({block: "center"}); return f; }
			this.nudge(pane);
			await new Promise(r => setTimeout(r, 100));
		}
		throw new Error("no field " + key + " in the " + (pane || "only") + " pane");
	},
	// nudge scrolls a pane, so that the form draws the fields now in view:
	// down to below its last field, or, with none drawn yet, by a pixel.
	nudge(pane) {
		const scope = pane ? document.getElementById(pane + "-pane-body") : document;
		const all = scope ? scope.querySelectorAll("section.field") : [];
		if (all.length) {
			all[all.length - 1].scrollIntoView({block: "start"});
			return;
		}
		for (const el of document.querySelectorAll("[id$=-pane-body], .content")) {
			el.scrollTop = el.scrollTop ? 0 : 1;
		}
		window.dispatchEvent(new Event("resize"));
	},
	async set(pane, key, value) {
		const f = await this.find(pane, key);
		const input = f.querySelector("textarea, input");
		input.focus();
		input.value = value;
		input.dispatchEvent(new Event("input", {bubbles: true}));
		input.dispatchEvent(new Event("change", {bubbles: true}));
		input.blur();
		return input.value;
	},
	async choose(pane, key, label) {
		const f = await this.find(pane, key);
		f.querySelector("[role=combobox]").click();
		await new Promise(r => setTimeout(r, 300));
		const o = [...document.querySelectorAll("[role=option]")].find(o => o.textContent.trim() === label);
		if (!o) throw new Error("no choice " + JSON.stringify(label) + " for " + key);
		o.click();
		await new Promise(r => setTimeout(r, 200));
		return f.querySelector("[role=combobox]").textContent.trim();
	},
	// saveWhenReady clicks "Gem" once the CMS enables it, which it does
	// when it has taken in a change; false when it does not within ms.
	async saveWhenReady(ms) {
		const deadline = Date.now() + ms;
		for (;;) {
			try { return this.button("Gem"); } catch (e) {}
			if (Date.now() > deadline) return false;
			await new Promise(r => setTimeout(r, 50));
		}
	},
	button(text) {
		const b = [...document.querySelectorAll("button")].find(b => b.textContent.trim() === text && !b.disabled && b.getAttribute("aria-disabled") !== "true");
		if (!b) throw new Error("no button " + JSON.stringify(text) + " to click");
		b.click();
		return true;
	},
	english() {
		const b = document.querySelector('[aria-controls="second-pane-body"] button[value="en"]');
		if (!b) throw new Error("no English pane");
		b.click();
		return true;
	},
	invalid() {
		return [...document.querySelectorAll("section.field")].filter(f => f.querySelector("[aria-invalid=true]")).map(f => f.dataset.keyPath);
	},
	// files reads every file below dirs. A folder the site does not have
	// is left out; a file the CMS replaces while it is read (a save in
	// progress) makes the whole read start again, rather than leave out
	// the rest of its folder, which a test would take for files deleted.
	async files(dirs) {
		const root = await navigator.storage.getDirectory();
		async function walk(dir, prefix, out) {
			for await (const [name, h] of dir.entries()) {
				if (h.kind === "directory") await walk(h, prefix + name + "/", out);
				else out[prefix + name] = await (await h.getFile()).text();
			}
		}
		for (let attempt = 1; ; attempt++) {
			const out = {};
			try {
				for (const d of dirs) {
					let dir;
					try { dir = await root.getDirectoryHandle(d); } catch (e) { continue; }
					await walk(dir, d + "/", out);
				}
				return out;
			} catch (e) {
				if (attempt === 20) throw e;
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		}
	},
};`

// fillFolder writes the files into the browser's origin-private file
// system, with a .git folder, which the CMS asks of a repository.
const fillFolder = `(async (files) => {
	const root = await navigator.storage.getDirectory();
	for await (const [name] of root.entries()) await root.removeEntry(name, {recursive: true});
	await root.getDirectoryHandle(".git", {create: true});
	for (const [p, text] of Object.entries(files)) {
		const parts = p.split("/");
		let dir = root;
		for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
		const w = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
		await w.write(text);
		await w.close();
	}
	return Object.keys(files).length;
})`

// cmsBlocked are the requests the CMS makes to other hosts that the admin
// page's policy refuses, by design: its check for a newer version, the
// fonts it asks a CDN for, which admin.css serves from admin/ instead, and
// the code highlighter of its Markdown editor, which code blocks go
// without.
var cmsBlocked = []string{"https://unpkg.com/@sveltia/cms/package.json", "https://cdn.jsdelivr.net/fontsource/", "https://unpkg.com/@sveltia/ui@"}

type cmsSession struct {
	t       *testing.T
	ctx     context.Context
	url     string
	console *consoleLog
}

func (c *cmsSession) eval(js string) any {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js, chromedp.EvalAwaitPromise))
	if err != nil {
		c.screenshot("cms-failed.png")
		c.t.Fatalf("in the CMS: %s: %v", js, err)
	}
	return v
}

// files are the files of the CMS's folder, by path.
func (c *cmsSession) files() map[string]string {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, 30*time.Second)
	defer cancel()
	dirs, _ := json.Marshal(cmsFolders)
	v, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`cmsTest.files(`+string(dirs)+`)`, chromedp.EvalAwaitPromise))
	if err != nil {
		c.t.Fatal(err)
	}
	return v
}

// waitFor waits until cond holds of the CMS's files: a save is written a
// moment after the click, one file after another (an entry and its
// translation), so the files are taken once cond holds and a second look
// a moment later finds them the same.
func (c *cmsSession) waitFor(what string, cond func(map[string]string) bool) map[string]string {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var held map[string]string // the files as cond last held of them
	for {
		f := c.files()
		if cond(f) {
			if held != nil && maps.Equal(f, held) {
				return f
			}
			held = f
		} else {
			held = nil
		}
		if time.Now().After(deadline) {
			c.screenshot("cms-failed.png")
			c.t.Fatalf("the CMS did not write %s within 20 s; it shows: %v", what, c.eval(`document.body.innerText.slice(0, 600)`))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// open goes to a route of the CMS ("#/collections/cases-2016/new") and
// waits for its form: until field shows want, or, with want "", for a
// moment after the field is drawn, as the form fills in its values. Now
// and then the CMS opens an editor without drawing its form; it is asked
// again then, as an editor would go back and open the entry again.
func (c *cmsSession) open(route, field, want string) {
	c.t.Helper()
	ready := `el => true`
	if want != "" {
		ready = `el => el.value === ` + jsString(want)
	}
	wait := `new Promise(resolve => {
		const deadline = Date.now() + 8000;
		const ready = ` + ready + `;
		(function poll() {
			const el = document.querySelector('section.field[data-key-path="` + field + `"] input, section.field[data-key-path="` + field + `"] textarea, section.field[data-key-path="` + field + `"] [role=combobox]');
			if (el && ready(el)) resolve(true);
			else if (Date.now() > deadline) resolve(false);
			else { if (!el && Date.now() > deadline - 6000) cmsTest.nudge(""); setTimeout(poll, 50); }
		})();
	})`
	for i := range 3 {
		if i > 0 {
			c.t.Logf("the CMS showed no form at %s; asking again", route)
		}
		// Through the list of collections, once the editor has closed: the
		// form of the entry just saved may still hold the address, and the
		// same address again opens nothing.
		closed := c.eval(`new Promise(resolve => {
			location.hash = "#/collections";
			const deadline = Date.now() + 3000;
			(function poll() {
				if (document.querySelector("section.field")) {
					if (Date.now() > deadline) resolve(false);
					else setTimeout(poll, 50);
					return;
				}
				location.hash = ` + jsString(route) + `;
				resolve(true);
			})();
		})`)
		if closed == true && c.eval(wait) == true {
			if want == "" {
				time.Sleep(300 * time.Millisecond) // the form fills in its values
			}
			return
		}
	}
	c.screenshot("cms-failed.png")
	c.t.Fatalf("the CMS shows no form with %s at %s; the page shows: %v", field, route, c.eval(`document.body.innerText.replace(/\s+/g, " ").slice(0, 400)`))
}

// setAndSave sets a field of the form open waited for and saves the
// entry. A form just drawn may not yet take in a change, and then leaves
// "Gem" disabled; the field is set again then, as an editor would type
// again.
func (c *cmsSession) setAndSave(pane, key, value string) {
	c.t.Helper()
	for i := range 5 {
		if i > 0 {
			c.t.Logf("the CMS left Gem disabled after %s was set; setting it again", key)
		}
		c.eval(`cmsTest.set(` + jsString(pane) + `, ` + jsString(key) + `, ` + jsString(value) + `)`)
		if c.eval(`cmsTest.saveWhenReady(1000)`) == true {
			return
		}
	}
	c.screenshot("cms-failed.png")
	c.t.Fatalf("the CMS did not let %s = %q be saved", key, value)
}

// changeAndRestore opens the entry at route, sets its field key (of pane)
// from was to changed and saves, and once the file shows changed, sets it
// back and saves again. It returns the files once the file shows was:
// shows reports whether the files show a value.
func (c *cmsSession) changeAndRestore(route, pane, key, was, changed, file string, shows func(files map[string]string, value string) bool) map[string]string {
	c.t.Helper()
	c.open(route, key, was)
	c.setAndSave(pane, key, changed)
	c.waitFor(file+" with "+key+" changed", func(f map[string]string) bool { return shows(f, changed) })
	c.open(route, key, changed)
	c.setAndSave(pane, key, was)
	return c.waitFor(file+" with "+key+" back", func(f map[string]string) bool { return shows(f, was) })
}

func (c *cmsSession) screenshot(name string) {
	c.t.Helper()
	png, err := chromedp.Run(c.ctx, chromedp.FullScreenshot(90))
	if err != nil {
		c.t.Fatal(err)
	}
	dir := os.Getenv("CMS_SCREENSHOTS")
	if dir == "" {
		dir = c.t.TempDir()
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		c.t.Fatal(err)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// startCMS opens the CMS of the built site in Danish, signed in to the
// local workflow on a folder holding the files.
func startCMS(t *testing.T, files map[string]string) *cmsSession {
	t.Helper()
	return startCMSAt(t, *siteDir, files)
}

// startCMSAt is startCMS for the site built in dir.
func startCMSAt(t *testing.T, dir string, files map[string]string) *cmsSession {
	t.Helper()
	s, err := Read(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if s[ToolDir+"sveltia-cms.js"] == nil {
		t.Fatal("the built site has no CMS bundle at admin/sveltia-cms.js: make check-site publishes it (make cms)")
	}
	srv := newRecordingServer(t, withHostHeaders(t, s, http.FileServer(http.Dir(dir))))
	// An editor's browser in Danish: the CMS speaks the browser's language.
	alloc := newAllocator(t, chromedp.Flag("lang", "da"), chromedp.Flag("accept-lang", "da"))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	c := &cmsSession{t: t, ctx: ctx, url: srv.URL + "/" + ToolDir, console: &consoleLog{}}
	err = chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			c.console.add("uncaught: " + ev.ExceptionDetails.Text + " " + fmt.Sprint(ev.ExceptionDetails.Exception))
		case *cdplog.EventEntryAdded:
			blocked := slices.ContainsFunc(cmsBlocked, func(u string) bool { return strings.Contains(ev.Entry.Text, u) || strings.HasPrefix(ev.Entry.URL, u) })
			// The status page of GitHub, which the policy allows, is out of
			// this machine's reach.
			offline := strings.Contains(ev.Entry.Text, "ERR_NAME_NOT_RESOLVED")
			if ev.Entry.Level == cdplog.EntryLevelError && !blocked && !offline {
				c.console.add(fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
	}
	if err != nil {
		t.Fatalf("cannot start Chromium at %s: %v", *chromium, err)
	}
	// The folder, filled from a page of the same origin before the CMS starts.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/robots.txt")); err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(files)
	c.eval(fillFolder + `(` + string(payload) + `)`)
	// The dialog's answer: that folder.
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.showDirectoryPicker = () => navigator.storage.getDirectory();` + cmsHelpers,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(c.url)); err != nil {
		t.Fatal(err)
	}
	c.eval(`new Promise((resolve, reject) => {
		const deadline = Date.now() + 20000;
		(function poll() {
			const b = [...document.querySelectorAll("button")].find(b => b.textContent.trim() === "Arbejd med lokalt repository");
			if (b) { b.click(); resolve(true); }
			else if (Date.now() > deadline) reject(new Error("no Danish button to work with the local repository; the page shows: " + document.body.innerText.slice(0, 300)));
			else setTimeout(poll, 100);
		})();
	})`)
	c.eval(`new Promise((resolve, reject) => {
		const deadline = Date.now() + 20000;
		(function poll() {
			if (document.body.innerText.includes("Casehistorier")) resolve(true);
			else if (Date.now() > deadline) reject(new Error("the CMS shows no collections: " + document.body.innerText.slice(0, 300)));
			else setTimeout(poll, 100);
		})();
	})`)
	return c
}

// shippedSources copies the shipped site's sources to a folder, and
// returns it with the files of cmsFolders.
func shippedSources(t *testing.T) (string, map[string]string) {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"content", "data", "i18n", "layouts", "static"} {
		sub, err := fs.Sub(sitetest.ShippedFS(), dir)
		if err == nil {
			err = os.CopyFS(filepath.Join(root, dir), sub)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root, cmsFiles(t, root)
}

// cmsFiles are the files of cmsFolders under root, by path.
func cmsFiles(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, dir := range cmsFolders {
		err := fs.WalkDir(os.DirFS(root), dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := os.ReadFile(filepath.Join(root, p))
			files[p] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// TestCMS creates a case story with its English translation, changes one
// figure of a year and saves, through the CMS's forms; refuses a story
// whose required field is empty; and checks that what the CMS wrote passes
// report check and builds the story in both languages, with the year's
// file changed by exactly one line.
func TestCMS(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	root, before := shippedSources(t)
	c := startCMS(t, before)
	edition := 2016
	title := "Grøn løsning på tværs af året"
	slug := slugs.Make(title)
	collection := fmt.Sprintf("#/collections/cases-%d", edition)

	// A new story, in Danish, with its summary left empty: refused.
	c.open(collection+"/new", "title", "")
	c.eval(`cmsTest.set("first", "title", ` + jsString(title) + `)`)
	if got := c.eval(`cmsTest.choose("first", "cluster", "Innovationsnetværket DANSK LYS")`); got != "Innovationsnetværket DANSK LYS" {
		t.Fatalf("choosing the cluster shows %q", got)
	}
	c.eval(`cmsTest.choose("first", "theme", "Samarbejdsprojekter")`)
	c.eval(`cmsTest.set("first", "quote.text", "Vi fandt nye kunder på tværs af landet.")`)
	c.eval(`cmsTest.set("first", "quote.person", "Kirsten Holm")`)
	c.eval(`cmsTest.set("first", "quote.role", "Direktør")`)
	c.eval(`cmsTest.set("first", "quote.organisation", "Holm & Co")`)
	c.eval(`cmsTest.set("first", "body", "Virksomheden fandt nye kunder gennem klyngen.\n\nI {{dataår}} deltog {{virksomheder-deltagende}} virksomheder.")`)
	c.eval(`cmsTest.english()`)
	c.eval(`cmsTest.set("second", "title", "A green solution across the year")`)
	c.eval(`cmsTest.set("second", "summary", "With the cluster, the company found new customers across Denmark.")`)
	c.eval(`cmsTest.set("second", "quote.text", "We found new customers across the country.")`)
	c.eval(`cmsTest.set("second", "quote.role", "Managing Director")`)
	c.eval(`cmsTest.set("second", "body", "The company found new customers through the cluster.\n\nIn {{dataår}}, {{virksomheder-deltagende}} companies took part.")`)
	c.eval(`cmsTest.button("Gem")`)
	time.Sleep(time.Second)
	invalid := c.eval(`cmsTest.invalid()`)
	if list, _ := invalid.([]any); !slices.Contains(list, any("summary")) {
		t.Errorf("saving a story with its summary empty: the form marks %v invalid, want summary", invalid)
	}
	storyPath := fmt.Sprintf("content/%d/cases/%s.md", edition, slug)
	if _, written := c.files()[storyPath]; written {
		t.Errorf("the CMS wrote %s with its required summary empty", storyPath)
	}
	c.screenshot("cms-case-story.png")

	// Filled in, it is saved, in both languages.
	c.eval(`cmsTest.set("first", "summary", "Med klyngens hjælp fandt virksomheden nye kunder i hele landet.")`)
	c.eval(`cmsTest.button("Gem")`)
	enPath := strings.TrimSuffix(storyPath, ".md") + ".en.md"
	after := c.waitFor(storyPath+" and "+enPath, func(f map[string]string) bool {
		return strings.Contains(f[storyPath], "\n+++\n") && strings.Contains(f[enPath], "\n+++\n")
	})
	t.Logf("%s:\n%s\n%s:\n%s", storyPath, after[storyPath], enPath, after[enPath])

	// One figure of a year.
	c.open("#/collections/years/entries/2015", "klynger", "")
	c.eval(`cmsTest.set("", "pressemeddelelser", "272")`)
	c.screenshot("cms-year.png")
	c.eval(`cmsTest.button("Gem")`)
	yearPath := "data/years/2015.toml"
	after = c.waitFor(yearPath, func(f map[string]string) bool { return strings.Contains(f[yearPath], "pressemeddelelser = 272\n") })

	// What it wrote, on disk.
	for p, text := range after {
		if before[p] == text {
			continue
		}
		if !slices.Contains([]string{storyPath, enPath, yearPath}, p) {
			t.Errorf("the CMS changed %s, which the test did not edit", p)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(p)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if d := lineDiff(before[yearPath], after[yearPath]); !slices.Equal(d, []string{"- pressemeddelelser = 271", "+ pressemeddelelser = 272"}) {
		t.Errorf("%s: the diff is %q, want the one changed line", yearPath, d)
	}
	for _, key := range []string{"cluster", "theme", "person", "organisation"} {
		if strings.Contains(after[enPath], key+" =") {
			t.Errorf("%s holds %s, which only the Danish page may:\n%s", enPath, key, after[enPath])
		}
	}

	// report check passes it, and the build shows the story in both languages.
	var problems diag.List
	s := reportsite.Load(os.DirFS(root), reportsite.Options{}, &problems)
	if err := problems.Err(); err != nil || s == nil {
		t.Fatalf("report check refuses what the CMS wrote: %v", err)
	}
	res, err := pipeline.Run(os.DirFS(root), pipeline.Options{})
	if err != nil {
		t.Fatalf("the build refuses what the CMS wrote: %v", err)
	}
	for _, want := range []string{
		fmt.Sprintf("%d/cases/%s/index.html", edition, slug),
		fmt.Sprintf("en/%d/cases/%s/index.html", edition, slug),
	} {
		i := slices.IndexFunc(res.Output, func(f render.File) bool { return f.Path == want })
		if i < 0 {
			t.Errorf("the built site has no %s", want)
		}
	}
	for _, m := range c.console.messages() {
		t.Errorf("the CMS's console: %s", m)
	}
}

// TestCMSRoundTrip opens every shipped case story and chapter in the CMS,
// changes its title and saves, then restores the title and saves again:
// the file must come back byte for byte, in both languages. So must every
// year's file, with a figure changed and restored.
func TestCMSRoundTrip(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	_, before := shippedSources(t)
	c := startCMS(t, before)
	var problems diag.List
	s := reportsite.Load(sitetest.ShippedFS(), reportsite.Options{}, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	type entry struct{ route, source, title string }
	var entries []entry
	for _, e := range s.Editions {
		for _, cs := range e.Cases {
			entries = append(entries, entry{fmt.Sprintf("#/collections/cases-%d/entries/%s", e.Year, cs.Slug), cs.Source, ""})
		}
		pages := append([]*reportsite.Page{e.Front}, e.Chapters...)
		for _, p := range pages {
			entries = append(entries, entry{fmt.Sprintf("#/collections/chapters-%d/entries/%s", e.Year, cms.EntryName(p)), p.Source, ""})
		}
	}
	for _, e := range entries {
		title := valueOf(before[e.source], "title")
		if title == "" {
			t.Fatalf("%s has no title line", e.source)
		}
		after := c.changeAndRestore(e.route, "first", "title", title, title+" (prøve)", e.source,
			func(f map[string]string, v string) bool { return valueOf(f[e.source], "title") == v })
		en := strings.TrimSuffix(e.source, ".md") + ".en.md"
		for _, p := range []string{e.source, en} {
			if after[p] != before[p] {
				t.Errorf("%s after opening and saving in the CMS differs:\n%q", p, lineDiff(before[p], after[p]))
			}
		}
	}
	// Every year's figures: the first changed and restored, and the file
	// comes back as it was, whole list, notes and all.
	for _, y := range s.Data.Years() {
		p := fmt.Sprintf("data/years/%d.toml", y)
		key, value, _ := strings.Cut(strings.SplitN(before[p], "\n", 2)[0], " = ")
		after := c.changeAndRestore(fmt.Sprintf("#/collections/years/entries/%d", y), "", key, value, "1", p,
			func(f map[string]string, v string) bool { return strings.HasPrefix(f[p], key+" = "+v+"\n") })
		if after[p] != before[p] {
			t.Errorf("%s after a figure changed and restored in the CMS differs: %q", p, lineDiff(before[p], after[p]))
		}
	}
	// Every edition's file: its title changed and restored.
	for _, e := range s.Data.Editions {
		p := e.Path
		title := valueOf(before[p], "title")
		after := c.changeAndRestore(fmt.Sprintf("#/collections/editions/entries/%d", e.Year), "", "title", title, title+" (prøve)", p,
			func(f map[string]string, v string) bool { return valueOf(f[p], "title") == v })
		if after[p] != before[p] {
			t.Errorf("%s after its title changed and restored in the CMS differs: %q", p, lineDiff(before[p], after[p]))
			t.Logf("the CMS wrote:\n%s", after[p])
		}
	}
	// The studies: the first one's source changed and restored.
	if p := "data/studies.toml"; before[p] != "" {
		// The first study's source is the file's first source line: its
		// English form follows, in [study.en].
		source := s.Data.Studies[0].Source
		after := c.changeAndRestore("#/collections/studies/entries/studies", "", "study.0.source", source, source+" (prøve)", p,
			func(f map[string]string, v string) bool { return valueOf(f[p], "source") == v })
		if after[p] != before[p] {
			t.Errorf("%s after a source changed and restored in the CMS differs: %q", p, lineDiff(before[p], after[p]))
			t.Logf("the CMS wrote:\n%s", after[p])
		}
	}
	for _, m := range c.console.messages() {
		t.Errorf("the CMS's console: %s", m)
	}
}

// valueOf is the string of the file's first line that sets key.
func valueOf(file, key string) string {
	for line := range strings.Lines(file) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), key+" = "); ok {
			var s string
			if json.Unmarshal([]byte(v), &s) == nil {
				return s
			}
		}
	}
	return ""
}

// lineDiff lists the lines only one of two texts has: "- " for a's, then
// "+ " for b's, each in its text's order. Enough for files that differ in
// a few lines.
func lineDiff(a, b string) []string {
	count := map[string]int{}
	for line := range strings.Lines(a) {
		count[line]++
	}
	for line := range strings.Lines(b) {
		count[line]--
	}
	var removed, added []string
	for line := range strings.Lines(a) {
		if count[line] > 0 {
			removed = append(removed, "- "+strings.TrimSuffix(line, "\n"))
			count[line]--
		}
	}
	for line := range strings.Lines(b) {
		if count[line] < 0 {
			added = append(added, "+ "+strings.TrimSuffix(line, "\n"))
			count[line]++
		}
	}
	return append(removed, added...)
}

// TestCMSConfirmsACopy: a chapter `report new edition` copied is confirmed
// in the CMS by clearing its "Kopieret fra udgave" field, whose hint says
// what to read first: the CMS then writes the chapter without its
// copied_from line, and check no longer names it.
func TestCMSConfirmsACopy(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	root, _ := shippedSources(t)
	var problems diag.List
	shipped := reportsite.Load(os.DirFS(root), reportsite.Options{}, &problems)
	latest := shipped.Editions[len(shipped.Editions)-1]
	year := latest.Year + 1
	started, err := scaffold.NewEdition(root, year)
	if err != nil {
		t.Fatal(err)
	}
	// The new data year's figures, typed: those of the year before.
	last, err := os.ReadFile(filepath.Join(root, "data", "years", fmt.Sprintf("%d.toml", latest.DataYear)))
	if err == nil {
		err = os.WriteFile(filepath.Join(root, "data", "years", fmt.Sprintf("%d.toml", started.DataYear)), last, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	// The CMS of this site, as make edit serves it: built with its drafts.
	res, err := pipeline.Run(os.DirFS(root), pipeline.Options{AllowDrafts: true, CMSDir: *cmsBundle})
	if err != nil {
		t.Fatal(err)
	}
	built := t.TempDir()
	for _, f := range res.Output {
		p := filepath.Join(built, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := cmsFiles(t, root)
	c := startCMSAt(t, built, files)
	chapter := fmt.Sprintf("content/%d/hvem-er-de.md", year)
	if !strings.Contains(files[chapter], fmt.Sprintf("copied_from = %d", latest.Year)) {
		t.Fatalf("%s is not marked as copied:\n%s", chapter, files[chapter])
	}
	c.open(fmt.Sprintf("#/collections/chapters-%d/entries/hvem-er-de", year), "copied_from", "")
	hint := c.eval(`cmsTest.field("first", "copied_from").innerText`)
	if h, _ := hint.(string); !strings.Contains(h, "slet så tallet her for at bekræfte kapitlet") {
		t.Errorf("the copied chapter's field does not say how to confirm it: %q", hint)
	}
	c.eval(`cmsTest.set("first", "copied_from", "")`)
	c.eval(`cmsTest.button("Gem")`)
	// The whole chapter, written without the line: the file may be
	// missing for a moment while the CMS replaces it.
	after := c.waitFor(chapter+" confirmed", func(f map[string]string) bool {
		return strings.Contains(f[chapter], "title = ") && !strings.Contains(f[chapter], "copied_from")
	})
	// The line goes, with the comment report new edition wrote above it.
	d := lineDiff(files[chapter], after[chapter])
	ok := slices.Contains(d, fmt.Sprintf("- copied_from = %d", latest.Year))
	for _, line := range d {
		ok = ok && (strings.HasPrefix(line, "- copied_from = ") || strings.HasPrefix(line, "- # "))
	}
	if !ok {
		t.Errorf("confirming %s in the CMS changed %q, want only its copied_from line and its comment removed", chapter, d)
	}
	if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(chapter)), []byte(after[chapter]), 0o644); err != nil {
		t.Fatal(err)
	}
	var again diag.List
	reportsite.Load(os.DirFS(root), reportsite.Options{AllowDrafts: true}, &again)
	for _, p := range again.Problems() {
		if p.Path == chapter && strings.Contains(p.Msg, "not yet confirmed") {
			t.Errorf("after confirming it in the CMS, check still says: %v", p)
		}
	}
}
