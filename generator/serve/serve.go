// Package serve is the preview server of an editor's working copy: it builds the site,
// serves it on a local address, watches the content, templates and static folders, rebuilds
// (writing only what changed) after every save, and reloads the pages open in a browser. A
// build that fails shows, in place of every page, the list of its problems with their
// file:line:col; the site comes back when the files are fixed.
//
// The reload script is the server's own: it is added to the HTML the server sends and is
// never written into the site.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"congkhai/generator"
	"congkhai/generator/diag"
)

// Config is what the server builds and where it listens.
type Config struct {
	// Build are the build's options; Out is where the site is written: a folder of the
	// server's own, which nothing else writes into (a temporary folder).
	Build generator.Options
	// Watch are the folders whose changes rebuild the site: the content and the override
	// folders of templates and static files.
	Watch []string
	// Addr is the address to listen on, "127.0.0.1:1313" for example.
	Addr string
	// ContentDir is the content folder as the editor named it, before the positions of
	// problems (which are relative to it).
	ContentDir string
	// Log, if set, is told of every build.
	Log func(format string, args ...any)
}

// Server is a running preview server.
type Server struct {
	cfg Config
	ln  net.Listener
	w   *fsnotify.Watcher // watching from before the first build, so no save is missed

	mu      sync.Mutex
	err     error // of the last build, nil if it succeeded
	version int   // counts builds; pages reload when it changes
	waiters []chan struct{}
	built   chan struct{} // closed and replaced after each build, for tests
}

// Listen starts watching the folders, builds the site once and starts listening; Run
// serves, and rebuilds after the changes seen since Listen began.
func Listen(cfg Config) (*Server, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, dir := range cfg.Watch {
		if err := watchTree(w, dir); err != nil {
			w.Close()
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		w.Close()
		return nil, err
	}
	if cfg.Build.Cache == nil {
		cfg.Build.Cache = generator.NewCache() // kept in memory from one build to the next
	}
	cfg.Build.OutPrivate = true
	s := &Server{cfg: cfg, ln: ln, w: w, built: make(chan struct{})}
	s.build(context.Background())
	return s, nil
}

// URL is the address the site is served at.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Run serves until ctx is done, rebuilding on every change in the watched folders, and then
// stops cleanly: the listener closes, open requests finish, the watcher stops.
func (s *Server) Run(ctx context.Context) error {
	w := s.w
	defer w.Close()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(s.ln) }()
	changes := make(chan struct{}, 1)
	go s.watch(ctx, w, changes)
	for {
		select {
		case <-ctx.Done():
			s.wakeAll() // the pages waiting for a reload end their requests
			shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(shut)
			<-served
			return nil
		case err := <-served:
			return err
		case <-changes:
			s.build(ctx)
		}
	}
}

// watch sends on changes when a watched file changes, once for a burst of events (an editor
// saving writes a file in several steps), and watches the folders that appear.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher, changes chan<- struct{}) {
	const quiet = 30 * time.Millisecond
	var timer *time.Timer
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					watchTree(w, ev.Name)
				}
			}
			if ignored(ev.Name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(quiet, func() {
				select {
				case changes <- struct{}{}:
				default: // a build is due already
				}
			})
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.logf("theo dõi thay đổi: %v", err)
		}
	}
}

// ignored are the files editors write beside the ones they save: backups, swap files.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp")
}

// watchTree watches dir and every folder under it, links aside (the build refuses them).
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// build builds the site, keeps its error, and tells the pages to reload.
func (s *Server) build(ctx context.Context) {
	start := time.Now()
	res, err := generator.Build(ctx, s.cfg.Build)
	if err == nil {
		s.logf("đã dựng %d trang trong %v (ghi %d tệp, xóa %d tệp)", res.Stats.Pages, time.Since(start).Round(time.Millisecond), res.Stats.Written, res.Stats.Removed)
	} else {
		s.logf("dựng lỗi sau %v:\n%v", time.Since(start).Round(time.Millisecond), err)
	}
	s.mu.Lock()
	s.err = err
	s.version++
	waiters := s.waiters
	s.waiters = nil
	close(s.built)
	s.built = make(chan struct{})
	s.mu.Unlock()
	for _, c := range waiters {
		close(c)
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		s.cfg.Log(format, args...)
	}
}

// Built returns a channel closed when the build after this call ends.
func (s *Server) Built() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.built
}

func (s *Server) wakeAll() {
	s.mu.Lock()
	waiters := s.waiters
	s.waiters = nil
	s.mu.Unlock()
	for _, c := range waiters {
		close(c)
	}
}

// The server's own addresses, outside the site's.
const (
	reloadScriptPath = "/__congkhai/reload.js"
	waitPath         = "/__congkhai/wait"
)

// ServeHTTP serves the site, the reload script and the long poll the script waits on.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case reloadScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(reloadScript))
		return
	case waitPath:
		s.wait(w, r)
		return
	}
	s.mu.Lock()
	err, version := s.err, s.version
	s.mu.Unlock()
	if err != nil {
		if isPage(r.URL.Path) {
			s.errorPage(w, err, version)
			return
		}
	}
	s.file(w, r, version)
}

// wait answers when the site's version differs from the one the page was served with (a
// build ended), or after a while, so that the page asks again.
func (s *Server) wait(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	s.mu.Lock()
	if r.URL.Query().Get("v") != fmt.Sprint(s.version) {
		s.mu.Unlock()
		w.Write([]byte("reload"))
		return
	}
	c := make(chan struct{})
	s.waiters = append(s.waiters, c)
	s.mu.Unlock()
	select {
	case <-c:
		w.Write([]byte("reload"))
	case <-time.After(25 * time.Second):
		w.Write([]byte("wait"))
	case <-r.Context().Done():
	}
}

// isPage reports whether a request path is for a page (a folder or an .html file).
func isPage(p string) bool {
	return strings.HasSuffix(p, "/") || path.Ext(p) == ".html" || path.Ext(p) == ""
}

// file serves a file of the site, a folder's index.html, or 404.html; HTML gets the reload
// script.
func (s *Server) file(w http.ResponseWriter, r *http.Request, version int) {
	name := path.Clean("/" + r.URL.Path)
	root := s.cfg.Build.Out
	p := filepath.Join(root, filepath.FromSlash(name))
	status := http.StatusOK
	st, err := os.Stat(p)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		p = filepath.Join(p, "index.html")
		st, err = os.Stat(p)
	}
	if err != nil || strings.Contains(name, "/.") {
		p, status = filepath.Join(root, "404.html"), http.StatusNotFound
	}
	data, err := os.ReadFile(p)
	if err != nil {
		http.Error(w, "không tìm thấy", http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if filepath.Ext(p) == ".html" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		data = withReload(data, version)
	} else if ct := contentType(p); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	w.Write(data)
}

func contentType(p string) string {
	switch filepath.Ext(p) {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	}
	return ""
}

// withReload adds the reload script to an HTML page, before </body>.
func withReload(page []byte, version int) []byte {
	tag := []byte(fmt.Sprintf(`<script src="%s" data-v="%d" defer></script>`, reloadScriptPath, version))
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return append(append(append([]byte{}, page[:i]...), tag...), page[i:]...)
	}
	return append(page, tag...)
}

// reloadScript waits on the server and reloads the page when a build ended.
const reloadScript = `(function () {
  var me = document.currentScript, v = me.getAttribute("data-v");
  function wait() {
    fetch("` + waitPath + `?v=" + v, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (t) {
      if (t === "reload") location.reload(); else wait();
    }, function () { setTimeout(wait, 1000); });
  }
  wait();
})();
`

var errorTemplate = template.Must(template.New("loi").Parse(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lỗi khi dựng trang</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;max-width:60rem;color:#222}h1{color:#a40000;font-size:1.4rem}
li{margin:.4rem 0;overflow-wrap:anywhere}code{font-family:ui-monospace,monospace;font-size:.85rem;display:block;color:#555}p{color:#555}</style></head>
<body><h1>Lỗi khi dựng trang: {{len .Problems}} lỗi</h1>
<p>Trang sẽ tự tải lại khi các tệp được sửa.</p>
<ol>{{range .Problems}}<li>{{with .Pos}}<code>{{.}}</code>{{end}}{{.Msg}}</li>{{end}}</ol>
</body></html>
`))

// errorPage shows every problem of the last build, in place of the page asked for.
func (s *Server) errorPage(w http.ResponseWriter, err error, version int) {
	// The place in monospace, the message in the page's font: a monospace font draws
	// Vietnamese with its marks apart from their letters.
	type problem struct{ Pos, Msg string }
	var problems []problem
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			p := problem{Msg: e.Msg}
			if e.Pos.File != "" {
				pos := e.Pos
				pos.File = filepath.ToSlash(filepath.Join(s.cfg.ContentDir, pos.File))
				p.Pos = pos.String()
			}
			problems = append(problems, p)
		}
	} else {
		problems = []problem{{Msg: err.Error()}}
	}
	var buf bytes.Buffer
	errorTemplate.Execute(&buf, struct{ Problems []problem }{problems})
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(withReload(buf.Bytes(), version))
}
