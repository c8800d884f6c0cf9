package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strings"
)

// The kiosk variant of the site is the same pages, with the same addresses, for a touch
// screen in a public office: another layout (kiosk-base.html, with large type, big
// buttons, the as-of day on every screen, a QR code of the page's public address and the
// idle warning), its own home screen of a few big choices (kiosk-home.html) and search page
// made for an on-screen keyboard (kiosk-search.html), its own style and script
// (kiosk.css over style.css, kiosk.js), links to other hosts shown as text with a QR code
// instead of links, and a service worker at its root (sw.js) that keeps the whole kiosk
// for when the network drops, from a manifest of every file and its revision
// (precache.json). It is built on its own, into its own folder (congkhai build --kiosk).

// Kiosk configures the kiosk variant.
type Kiosk struct {
	// IdleSeconds is how long nobody touches the screen before the idle warning shows;
	// WarningSeconds how long the warning counts down before the kiosk goes back to its
	// home screen (at least 20, WCAG 2.2.1).
	IdleSeconds, WarningSeconds int
}

// Paths of the kiosk's service worker and its precache manifest: at the kiosk's root,
// so that the worker's scope is the whole kiosk.
const (
	KioskWorkerPath   = "sw.js"
	KioskManifestPath = "precache.json"
)

// The theme's static files of the kiosk: its own, and the search client that its search
// page shares with the site. The site has none of the kiosk's.
const (
	kioskPrefix       = "kiosk"
	kioskWorkerSource = "kiosk-sw.js"
)

var kioskAssets = []string{"style.css", "kiosk.css", "kiosk.js", "search.js", kioskWorkerSource}

// assetOfVariant reports whether the theme's static file name belongs to the variant
// being built.
func (r *renderer) assetOfVariant(name string) bool {
	if r.opts.Kiosk != nil {
		return slices.Contains(kioskAssets, name)
	}
	return !strings.HasPrefix(name, kioskPrefix)
}

// kioskPages are the page kinds whose kiosk page has a template of its own.
var kioskPages = map[string]string{"home": "kiosk-home.html", "search": "kiosk-search.html"}

// kioskTemplates are the templates of a kiosk page of kind, the layout first.
func kioskTemplates(kind string) []string {
	page := kind + ".html"
	if p, ok := kioskPages[kind]; ok {
		page = p
	}
	return []string{"kiosk-base.html", "partials.html", page}
}

var errKioskBaseURL = errors.New("trang kiosk cần địa chỉ công khai của trang (--base-url, hoặc base_url trong site.toml): " +
	"mỗi màn hình in mã QR dẫn tới trang đó trên mạng để người xem mang theo bằng điện thoại")

// Kiosk reports whether the page is a page of the kiosk.
func (pg *Page) Kiosk() *Kiosk { return pg.r.opts.Kiosk }

// QR is a QR code of the page's public address, in inline SVG.
func (pg *Page) QR() (template.HTML, error) {
	svg, err := qrSVG(pg.Permalink(), "Mã QR của địa chỉ trang này: "+pg.Permalink())
	if err != nil {
		return "", fmt.Errorf("mã QR của %s: %w", pg.Permalink(), err)
	}
	return svg, nil
}

// Root is the link from this page to the kiosk's root folder, where its service worker is.
func (pg *Page) Root() string {
	if l := relative(pg.Path, homePath); l != homePath {
		return strings.TrimSuffix(l, homePath)
	}
	return "./"
}

// Revision is the revision of a file's bytes in the kiosk's precache manifest: the first
// 8 bytes of their SHA-256, in hex. The service worker computes it again over what it
// fetched, and keeps a file only if the two agree.
func Revision(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// KioskFiles makes the kiosk's precache manifest and service worker, from the revision
// of every other file of the kiosk, by path. The manifest lists the files sorted by
// path, with its version, a hash of that list; the worker is the theme's kiosk-sw.js with
// the version before it, so that a new build is a new worker, which browsers install,
// and the same build the same worker, which they keep.
func (s *Set) KioskFiles(revisions map[string]string) ([]File, error) {
	if s.r.opts.Kiosk == nil {
		return nil, errors.New("render: KioskFiles of a site that is not a kiosk")
	}
	if s.r.kioskWorker == nil {
		return nil, fmt.Errorf("không có tệp tĩnh %q (service worker của kiosk)", kioskWorkerSource)
	}
	paths := slices.Sorted(mapKeys(revisions))
	h := sha256.New()
	var list bytes.Buffer
	for i, p := range paths {
		if p == KioskWorkerPath || p == KioskManifestPath {
			return nil, fmt.Errorf("render: %s is made with the manifest", p)
		}
		fmt.Fprintf(h, "%s %s\n", p, revisions[p])
		url, _ := json.Marshal(p)
		sep := ",\n"
		if i == len(paths)-1 {
			sep = "\n"
		}
		fmt.Fprintf(&list, "{\"url\":%s,\"revision\":%q}%s", url, revisions[p], sep)
	}
	version := hex.EncodeToString(h.Sum(nil)[:8])
	manifest := fmt.Sprintf("{\"version\":%q,\"files\":[\n%s]}\n", version, list.Bytes())
	worker := append(fmt.Appendf(nil, "// congkhai kiosk, build %s.\nconst VERSION = %q;\n", version, version), s.r.kioskWorker...)
	return []File{
		{Path: KioskManifestPath, Data: []byte(manifest)},
		{Path: KioskWorkerPath, Data: worker},
	}, nil
}

// KioskManifest is the precache manifest of a kiosk, as KioskFiles writes it.
type KioskManifest struct {
	Version string `json:"version"`
	Files   []struct {
		URL      string `json:"url"`
		Revision string `json:"revision"`
	} `json:"files"`
}

// ReadKioskManifest reads a precache manifest; nil if data is not one.
func ReadKioskManifest(data []byte) *KioskManifest {
	var m KioskManifest
	if json.Unmarshal(data, &m) != nil || m.Version == "" {
		return nil
	}
	return &m
}
