package generator

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"

	"congkhai/generator/render"
)

// kioskBuild collects, while a kiosk is built, the revision of every file it publishes,
// for its precache manifest (render.KioskFiles): the hash of the very bytes a browser gets,
// which the service worker checks again. So the kiosk's files are minified here, and
// handed to the session as they are to be written. A file kept from the last build keeps
// the revision the last manifest gave it; a kept file the last manifest does not list (a
// site built into the folder before) is made again. A nil *kioskBuild is the site's
// build, which keeps no revisions.
type kioskBuild struct {
	prev      map[string]string // the published kiosk's revisions, by path
	mu        sync.Mutex
	revisions map[string]string // this build's
}

// newKioskBuild starts a kiosk build into out; an incremental one reads the revisions of
// the published kiosk from its manifest.
func newKioskBuild(out string, incremental bool) *kioskBuild {
	k := &kioskBuild{prev: map[string]string{}, revisions: map[string]string{}}
	if !incremental {
		return k
	}
	data, err := os.ReadFile(filepath.Join(out, render.KioskManifestPath))
	if m := render.ReadKioskManifest(data); err == nil && m != nil {
		for _, f := range m.Files {
			k.prev[f.URL] = f.Revision
		}
	}
	return k
}

// kept reports whether the published file at p can be kept: it has a revision. It then
// keeps the revision.
func (k *kioskBuild) kept(p string) bool {
	if k == nil {
		return true
	}
	rev, ok := k.prev[p]
	if ok {
		k.mu.Lock()
		k.revisions[p] = rev
		k.mu.Unlock()
	}
	return ok
}

// has reports whether the published kiosk has files that match accepts, with revisions.
func (k *kioskBuild) has(match func(string) bool) bool {
	if k == nil {
		return true
	}
	for p := range k.prev {
		if match(p) {
			return true
		}
	}
	return false
}

// keepAll keeps the revisions of the published files that match accepts.
func (k *kioskBuild) keepAll(match func(string) bool) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for p, rev := range k.prev {
		if match(p) {
			k.revisions[p] = rev
		}
	}
}

// file minifies a file of the kiosk, as package publish would, and notes its revision.
func (k *kioskBuild) file(f render.File) (render.File, error) {
	if k == nil {
		return f, nil
	}
	f, err := k.minify(f)
	if err != nil {
		return f, err
	}
	k.mu.Lock()
	k.revisions[f.Path] = render.Revision(f.Data)
	k.mu.Unlock()
	return f, nil
}

// minify minifies an HTML, CSS or script file with the settings of package publish, and
// marks it compact, to be written as it is.
func (k *kioskBuild) minify(f render.File) (render.File, error) {
	if f.Compact {
		return f, nil
	}
	var mime string
	switch path.Ext(f.Path) {
	case ".html":
		mime = "text/html"
	case ".css":
		mime = "text/css"
	case ".js":
		mime = "text/javascript"
	}
	if mime != "" {
		var buf bytes.Buffer
		if err := kioskMinifier.Minify(mime, &buf, bytes.NewReader(f.Data)); err != nil {
			return f, fmt.Errorf("thu gọn %s: %w", f.Path, err)
		}
		f.Data = buf.Bytes()
	}
	f.Compact = true
	return f, nil
}

// kioskMinifier minifies as package publish does.
var kioskMinifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}()

// kioskHash is the input hash of the service worker and the manifest: their bytes, which
// are made from the revisions of every other file.
func kioskHash(f render.File) uint64 {
	h := fnv.New64a()
	h.Write([]byte(f.Path))
	h.Write(f.Data)
	return h.Sum64() | 1 // 0 means "no inputs" to package publish
}
