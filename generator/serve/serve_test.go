package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"congkhai/generator"
	"congkhai/generator/schedule"
)

// listen builds a copy of the small test site and listens, and returns the server and its
// content folder.
func listen(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/small/content")); err != nil {
		t.Fatal(err)
	}
	s, err := Listen(Config{
		Build:      generator.Options{Content: os.DirFS(dir), Out: filepath.Join(t.TempDir(), "public"), AsOf: schedule.D(2026, time.November, 21)},
		Watch:      []string{dir},
		Addr:       "127.0.0.1:0",
		ContentDir: dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// start serves a copy of the small test site and returns the server, its content folder
// and a function that stops it and reports how Run ended.
func start(t *testing.T) (*Server, string, func() error) {
	t.Helper()
	s, dir := listen(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not stop")
			return nil
		}
	}
	t.Cleanup(func() { stop() })
	return s, dir, stop
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// edit writes a file of the content and waits for the build it starts.
func edit(t *testing.T, s *Server, name, text string) {
	t.Helper()
	built := s.Built()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-built:
	case <-time.After(30 * time.Second):
		t.Fatalf("no build after %s changed", name)
	}
}

// The server builds and serves the site with its reload script, rebuilds when a file is
// saved, shows every problem of a failed build with its place in place of the pages, and
// serves the site again once the files are fixed. It stops cleanly when told.
func TestServeRebuildsAndShowsErrors(t *testing.T) {
	s, dir, stop := start(t)
	code, page := get(t, s.URL())
	if code != 200 || !strings.Contains(page, "Trang thử nghiệm") || !strings.Contains(page, reloadScriptPath) {
		t.Fatalf("home: %d %.200s", code, page)
	}
	if code, page := get(t, s.URL()+"ke-hoach/ke-hoach-mau-2024/"); code != 200 || !strings.Contains(page, "<h1") {
		t.Errorf("a plan's folder: %d", code)
	}
	if code, _ := get(t, s.URL()+"khong-co/"); code != 404 {
		t.Errorf("a missing page: %d", code)
	}
	if _, js := get(t, s.URL()+reloadScriptPath[1:]); !strings.Contains(js, waitPath) {
		t.Errorf("the reload script: %s", js)
	}

	site := filepath.Join(dir, "site.toml")
	orig, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, s, site, strings.Replace(string(orig), "Trang thử nghiệm", "Trang đã sửa", 1))
	if _, page := get(t, s.URL()); !strings.Contains(page, "Trang đã sửa") {
		t.Errorf("after the edit the home page is not rebuilt: %.300s", page)
	}

	plan := filepath.Join(dir, "plans", "ke-hoach-mau-2024", "plan.toml")
	planText, _ := os.ReadFile(plan)
	edit(t, s, plan, strings.Replace(string(planText), "year = 2024", "year = \"hai nghìn\"", 1))
	code, page = get(t, s.URL()+"ke-hoach/")
	if code != 500 || !strings.Contains(page, "Lỗi khi dựng trang") || !strings.Contains(page, filepath.ToSlash(plan)+":") {
		t.Errorf("a failed build shows: %d %.500s", code, page)
	}
	if !strings.Contains(page, reloadScriptPath) {
		t.Error("the error page does not reload when the files are fixed")
	}
	edit(t, s, plan, string(planText))
	if code, page := get(t, s.URL()+"ke-hoach/"); code != 200 || strings.Contains(page, "Lỗi khi dựng trang") {
		t.Errorf("after the fix: %d", code)
	}

	// A page waiting for a reload is told when a build ends.
	waited := make(chan string, 1)
	go func() {
		_, body := get(t, s.URL()+waitPath[1:]+"?v="+versionOf(s))
		waited <- body
	}()
	time.Sleep(100 * time.Millisecond)
	edit(t, s, site, string(orig))
	select {
	case body := <-waited:
		if body != "reload" {
			t.Errorf("the wait answered %q", body)
		}
	case <-time.After(10 * time.Second):
		t.Error("the page waiting was not told of the build")
	}

	if err := stop(); err != nil {
		t.Errorf("Run ended with %v", err)
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

func versionOf(s *Server) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strconv.Itoa(s.version)
}

// A save made while the first build runs, before Run, is not missed: the folders are
// watched from the start of Listen.
func TestServeSeesEditsBeforeRun(t *testing.T) {
	s, dir := listen(t)
	site := filepath.Join(dir, "site.toml")
	orig, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	built := s.Built()
	if err := os.WriteFile(site, []byte(strings.Replace(string(orig), "Trang thử nghiệm", "Trang sửa sớm", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() { cancel(); <-done }()
	select {
	case <-built:
	case <-time.After(10 * time.Second):
		t.Fatal("the save made before Run started no build")
	}
	if _, page := get(t, s.URL()); !strings.Contains(page, "Trang sửa sớm") {
		t.Errorf("the home page does not show the early save: %.300s", page)
	}
}
