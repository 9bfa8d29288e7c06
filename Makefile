# The report's tasks. Everything needs only Go; `make test` fetches the
# pinned staticcheck through the Go module proxy, and the release targets
# fetch the pinned GoReleaser the same way.
GO          ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# v2.15.1 is the newest GoReleaser that builds with Go 1.26. Its first
# `go run` on a machine downloads and compiles it: about 6 minutes; after
# that the Go build cache has it.
GORELEASER  ?= github.com/goreleaser/goreleaser/v2@v2.15.1
ACTIONLINT  ?= github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
BIN         := bin/report
OUT         ?= public
BASE_URL    ?=
PORT        ?= 1313

SITE_CHECK  := tools/site-check
# Pagefind writes the search page's index into a built site; make publish
# and make check-site run it after the build (pinned in tools/search).
SEARCH      := tools/search
PAGEFIND     = $(SEARCH)/node_modules/.bin/pagefind --quiet --site
CHECK_DIR   := .site-check
# The editors' CMS (Sveltia, pinned in tools/cms): make cms copies its bundle,
# fonts and licences to CMS_DIR, which make edit serves and make publish
# publishes at admin/.
CMS         := tools/cms
CMS_PKG     := $(CMS)/node_modules/@sveltia/cms
CMS_DIR     := .cms
NEXT_SITE   := .next-edition
# report-pdf prints each edition's PDF with headless Chromium into PDF_DIR;
# make publish then builds the site with them (report build --pdf).
PDF_BIN     := bin/report-pdf
PDF_DIR     ?= .pdf
# A count, not a duration: with a duration, Go 1.26's fuzzing coordinator
# can fail a clean run with "context deadline exceeded" when time runs out
# (golang/go#75804, fixed in Go 1.27). 150000 runs take 2-10 s a target here.
FUZZTIME    ?= 150000x
FUZZSITE    ?= 10000x
# A table or chart block draws a chart or looks up figures: about 2,000 runs
# a second here, against 6,000 for plain Markdown.
FUZZBLOCK   ?= 30000x
# FuzzObjects builds a small PDF and finishes it every run (inflating and
# deflating its page): about 2,500 runs a second here.
FUZZPDF     ?= 30000x
FUZZFLAGS    = -run '^$$' -fuzzminimizetime 200x
BENCH_RUNS  ?= 7

.PHONY: cms edit pdf-sheets all build publish publish-needs serve check install test vet fmt-check lint unit test-next-edition bench pgo fuzz check-site \
	release-check release clean

all: build

# Without cgo, as the released programs are (.goreleaser.yaml): a static
# binary that maps no C library, and holds less (a clean build of the 2016
# edition peaked at 34.6 MB, not 36.2; benchstat, 21 alternating runs).
$(BIN): FORCE
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/report

$(PDF_BIN): FORCE
	$(GO) build -trimpath -o $(PDF_BIN) ./cmd/report-pdf

FORCE:

## build: write the site to public/ (BASE_URL=https://example.org/rapport/ to publish under a sub-path)
build: $(BIN)
	./$(BIN) build --out $(OUT) $(if $(BASE_URL),--base-url $(BASE_URL))

## publish: build the site to public/ as the publishing workflow does: each edition's PDF,
## printed by Chromium (report-pdf, into PDF_DIR), the site with the PDFs, and its search index
## (needs Chromium, and Node.js and npm for Pagefind, pinned in tools/search); in CI (CI set),
## keeping nothing for a next build, which starts on a clean machine there
publish: publish-needs $(BIN) $(PDF_BIN) $(SEARCH)/node_modules/.installed cms
	./$(PDF_BIN) --out $(PDF_DIR) $(if $(BASE_URL),--base-url $(BASE_URL))
	./$(BIN) build --out $(OUT) --pdf $(PDF_DIR) --cms $(CMS_DIR) $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(CI),--keep=false)
	$(PAGEFIND) $(OUT)
	@echo "publish: Pagefind indexed $(OUT) for the search page"

# What make publish needs besides Go, named before anything runs.
publish-needs:
	@missing=; \
	if [ -z "$$CHROMIUM" ] && ! command -v chromium && ! command -v chromium-browser && \
	   ! command -v google-chrome && ! command -v google-chrome-stable; then \
	  missing="$$missing\n  Chromium, for the PDF (Debian: apt-get install chromium; or set CHROMIUM to the browser)"; fi >/dev/null; \
	if ! command -v node || ! command -v npm; then \
	  missing="$$missing\n  Node.js and npm, for the search index (Debian: apt-get install nodejs npm)"; fi >/dev/null; \
	if [ -n "$$missing" ]; then printf "make publish needs:$$missing\n" >&2; exit 1; fi

$(SEARCH)/node_modules/.installed: $(SEARCH)/package.json $(SEARCH)/package-lock.json
	cd $(SEARCH) && npm ci --no-audit --no-fund
	touch $@

## serve: build and preview the site on http://127.0.0.1:1313/
serve: $(BIN)
	./$(BIN) serve --port $(PORT)

## edit: the preview with the editors' CMS at http://127.0.0.1:1313/admin/, working on this
## folder's files ("Work with Local Repository"; needs Node.js and npm, and Chrome or Edge)
edit: $(BIN) cms
	./$(BIN) serve --port $(PORT) --cms $(CMS_DIR)

## cms: copy Sveltia CMS's bundle, its fonts and their licences from npm to .cms/
cms: $(CMS_DIR)/.copied

$(CMS_DIR)/.copied: $(CMS)/package.json $(CMS)/package-lock.json
	cd $(CMS) && npm ci --no-audit --no-fund
	rm -rf $(CMS_DIR) && mkdir -p $(CMS_DIR)
	cp $(CMS_PKG)/dist/sveltia-cms.js $(CMS_DIR)/
	cp $(CMS_PKG)/LICENSE.txt $(CMS_DIR)/sveltia-cms.LICENSE.txt
	for f in material-symbols-outlined-latin-wght-normal noto-mono-latin-400-normal source-sans-3-latin-wght-normal; do \
	  cp $(CMS_PKG)/npm/assets/$$f-*.woff2 $(CMS_DIR)/$$f.woff2; done
	cp $(CMS_PKG)/npm/assets/*.LICENSE.txt $(CMS_DIR)/
	cp $(CMS_PKG)/locales/da.json $(CMS_DIR)/locale-da.json
	cp $(CMS_PKG)/package.json $(CMS_DIR)/package.json
	touch $@

## check: check the content and data without writing anything
check: $(BIN)
	./$(BIN) check

## install: put the report command on your PATH, in $(go env GOPATH)/bin (or GOBIN)
install:
	CGO_ENABLED=0 $(GO) install -trimpath ./cmd/report
	@dir=$$($(GO) env GOBIN); \
	if [ -z "$$dir" ]; then gopath=$$($(GO) env GOPATH); dir=$${gopath%%:*}/bin; fi; \
	echo "install: installed $$dir/report$$($(GO) env GOEXE)"; \
	case ":$$PATH:" in \
	*":$$dir:"*) ;; \
	*) echo "install: $$dir is not on your PATH; add it, e.g. in ~/.profile:" >&2; \
	   echo "    export PATH=\"$$dir:\$$PATH\"" >&2 ;; \
	esac

## test: formatting, vet, staticcheck and every test, with the race detector; then the
## tests of the shipped site again, over it with a generated next edition (test-next-edition)
test: fmt-check vet lint unit test-next-edition

fmt-check:
	@out=$$(gofmt -l cmd internal); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# The site checks build only with their tag (make check-site): vet them
# here too, so that make test catches what would break them.
vet:
	$(GO) vet ./...
	$(GO) vet -tags sitecheck ./internal/sitecheck ./internal/chart ./internal/pdf ./internal/pdfobj

lint:
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags sitecheck ./internal/sitecheck ./internal/chart ./internal/pdf ./internal/pdfobj

# hugepages again without the race detector, under which Extend marks
# nothing: its test checks then that the space it marks stays untouched.
unit:
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 ./internal/hugepages

# The content belongs to the editors: the tests that read the shipped site
# (through sitetest.Shipped) must pass for any edition they add. This copies
# the shipped site, adds the next edition as the README's yearly workflow
# does, skipping a data year (tools/nextedition), checks it as an editor
# would, and runs every package whose tests read the shipped site over it:
# internal/shipped, the home of those tests, and any other package with an
# untagged test file that calls sitetest's loaders of the shipped site
# (SHIPPED_READERS; serve's is a benchmark's, which costs its tests a run).
SHIPPED_READERS = $$(grep -rlE 'sitetest\.(Shipped|ShippedFS|RealFS|WriteReal|Edition2016FS|WriteEdition2016)\(' \
	--include='*_test.go' internal cmd tools | xargs grep -L '^//go:build' | xargs -n1 dirname | sort -u | sed 's|^|./|')
## test-next-edition: the shipped site's tests over the shipped site plus a generated next edition
test-next-edition: $(BIN)
	rm -rf $(NEXT_SITE)
	$(GO) run ./tools/nextedition -out $(NEXT_SITE)
	./$(BIN) check --root $(NEXT_SITE)
	REPORT_SHIPPED_SITE=$(abspath $(NEXT_SITE)) $(GO) test -count=1 $(SHIPPED_READERS)

## check-site: build the site and check it as a browser, a validator and a crawler would
## (needs Chromium, Java, Node.js with npm and hunspell with its en_GB dictionary; .ci/run installs them);
## the checks in a browser load up to 5 pages of each kind in each language, EVERY_PAGE=1 every page
check-site: $(BIN) $(SITE_CHECK)/node_modules/.installed $(SEARCH)/node_modules/.installed
	rm -rf $(CHECK_DIR)
	$(MAKE) --no-print-directory publish OUT=$(CHECK_DIR)/site PDF_DIR=$(CHECK_DIR)/pdf
	GOMAXPROCS=1 ./$(BIN) build --out $(CHECK_DIR)/one-thread --pdf $(CHECK_DIR)/pdf --cms $(CMS_DIR)
	diff -r --exclude=pagefind $(CHECK_DIR)/one-thread $(CHECK_DIR)/site
	@echo "check-site: make publish and a build with GOMAXPROCS=1 are byte-identical, but for Pagefind's index"
	./$(PDF_BIN) --out $(CHECK_DIR)/pdf-again $(if $(BASE_URL),--base-url $(BASE_URL))
	diff -r $(CHECK_DIR)/pdf $(CHECK_DIR)/pdf-again
	@echo "check-site: two prints of the PDFs are byte-identical"
	java -jar $(SITE_CHECK)/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html --also-check-svg $(CHECK_DIR)/site $(CHECK_DIR)/pdf
	@echo "check-site: the Nu Html Checker found no errors"
	node $(SITE_CHECK)/validate-datapackage.js $(CHECK_DIR)/site/tal/data/datapackage.json $(CHECK_DIR)/site/en/tal/data/datapackage.json
	@echo "check-site: the open data are valid Frictionless data packages, every row read with its schema"
	$(GO) test -tags sitecheck -count=1 -timeout 30m -v -run 'TestBuiltSite|TestBrowser|TestLayout|TestLighthouse|TestSearch|TestPDF|TestEnglishSpelling|TestDataPackage|TestCMS' ./internal/sitecheck \
		-args -site $(abspath $(CHECK_DIR)/site) -axe $(abspath $(SITE_CHECK)/node_modules/axe-core/axe.min.js) \
		-lighthouse $(abspath $(SITE_CHECK)/lighthouse-pages.mjs) $(if $(EVERY_PAGE),-every-page)
	$(GO) test -tags sitecheck -count=1 -run 'TestBuiltChartsClearOfLines' ./internal/chart -args -site $(abspath $(CHECK_DIR)/site)
	@echo "check-site: no chart label of the site crosses an axis or stands struck by a grid line"
	$(GO) test -tags sitecheck -count=1 -run 'TestBreaksPlanted' ./internal/pdf
	@echo "check-site: the PDF's page-break check finds a stranded heading and a split row planted in a page this Chromium prints"
	$(GO) test -tags sitecheck -count=1 -run 'TestFinishedByQpdf' ./internal/pdfobj
	@echo "check-site: qpdf finds no error in the Chromium prints of internal/pdfobj/testdata, finished"

$(SITE_CHECK)/node_modules/.installed: $(SITE_CHECK)/package.json $(SITE_CHECK)/package-lock.json
	cd $(SITE_CHECK) && npm ci --no-audit --no-fund
	touch $@

## pdf-sheets: a picture of every page of each edition's PDFs at 60 dpi, side by side, in
## docs/screenshots/pdf-<year>-<lang>.png (after make check-site; needs poppler-utils)
pdf-sheets:
	@set -e; for pdf in $$(cd $(CHECK_DIR)/pdf && find . -name '*.pdf' | sort); do \
	  dir=$$(mktemp -d); pdftoppm -r 60 -png $(CHECK_DIR)/pdf/$$pdf $$dir/p; \
	  lang=$$(case $$pdf in ./en/*) echo en;; *) echo da;; esac); year=$$(basename $$(dirname $$pdf)); \
	  $(GO) run ./tools/contactsheet -cols 8 -out docs/screenshots/pdf-$$year-$$lang.png $$dir/p-*.png; \
	  rm -rf $$dir; echo "pdf-sheets: docs/screenshots/pdf-$$year-$$lang.png"; done

## fuzz: a short run of every fuzz target (FUZZTIME=150000x runs each; FUZZSITE=10000x
## whole-site builds, and as many walks of a folder with a fuzzed record; FUZZPDF=30000x
## small PDFs finished); the Markdown, table, chart and
## site targets fail an input that allocates more than a budget per byte
fuzz:
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME) ./internal/frontmatter
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./internal/tomlfile
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzQuote$$' -fuzztime $(FUZZTIME) ./internal/tomlfile
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzConvert$$' -fuzztime $(FUZZTIME) ./internal/figures
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzTable$$' -fuzztime $(FUZZBLOCK) ./internal/figures
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzChart$$' -fuzztime $(FUZZBLOCK) ./internal/figures
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzMake$$' -fuzztime $(FUZZTIME) ./internal/slugs
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzNumber$$' -fuzztime $(FUZZTIME) ./internal/lang
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME) ./internal/chart
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzSite$$' -fuzztime $(FUZZSITE) ./internal/pipeline
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzHostFiles$$' -fuzztime $(FUZZSITE) ./internal/pipeline
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzPageCSP$$' -fuzztime $(FUZZTIME) ./internal/hostfiles
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzRecord$$' -fuzztime $(FUZZSITE) ./internal/outdir
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/pdfobj
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzFinish$$' -fuzztime $(FUZZTIME) ./internal/pdfobj
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzObjects$$' -fuzztime $(FUZZPDF) ./internal/pdfobj
	$(GO) test $(FUZZFLAGS) -fuzz '^FuzzArtifacts$$' -fuzztime $(FUZZTIME) ./internal/pdfobj

## bench: Go benchmarks of every stage, then report and Hugo side by side on
## synthetic sites of 1,000 and 10,000 pages (BENCH_RUNS runs each; never part
## of `make test`), then the shipped site's clean build as a whole process (21
## runs). All write to tmpfs where there is one: on disk the same build swings
## by 2x with the kernel's write-back.
bench: $(BIN)
	TMPDIR=$$([ -d /dev/shm ] && echo /dev/shm || echo "$${TMPDIR:-/tmp}") \
		$(GO) test -run '^$$' -bench . -benchmem ./...
	tools/bench/compare-hugo.sh $(BENCH_RUNS) 1000 10000
	@echo "the shipped site, built afresh as a whole process:"
	@tmp=$$([ -d /dev/shm ] && echo /dev/shm || echo "$${TMPDIR:-/tmp}"); \
		$(GO) run ./tools/bench/alternate -n 21 -name Shipped -dir $$tmp/report-alternate $(BIN) -- \
		build --fresh --root . --out $$tmp/report-alternate/out-{}

## pgo: refresh cmd/report/default.pgo, the CPU profile that go build (and GoReleaser)
## optimise the report command with, from the benchmarks of the shipped site and of it
## with 1,000 generated stories; commit it when the hot paths have changed
pgo:
	TMPDIR=$$([ -d /dev/shm ] && echo /dev/shm || echo "$${TMPDIR:-/tmp}") \
		$(GO) test -run '^$$' -bench '^Benchmark(RealSiteWrite|Realistic1000)$$' -benchtime 15x \
		-o $(CURDIR)/.pgo.test -cpuprofile $(CURDIR)/cmd/report/default.pgo ./internal/pipeline
	rm -f .pgo.test

## release-check: check .goreleaser.yaml and the publishing workflow, make a snapshot release
## in dist/ (every system's binary and archive, nothing published), check them and run this
## machine's binary (CI runs it)
release-check:
	$(GO) run $(ACTIONLINT) .github/workflows/publish.yml .github/workflows/check.yml
	$(GO) run $(GORELEASER) check
	$(GO) run $(GORELEASER) release --snapshot --clean
	$(GO) run ./tools/release/checkdist -dist dist -root .

## release: publish the tag at HEAD as a GitHub release with the binaries (the publishing
## workflow runs it when a tag v* is pushed; needs GITHUB_TOKEN)
release:
	$(GO) run $(GORELEASER) release --clean

clean:
	rm -rf bin $(OUT) $(dir $(OUT)).$(notdir $(OUT)).* $(CHECK_DIR) $(PDF_DIR) $(NEXT_SITE)
