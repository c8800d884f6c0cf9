// Package publish is the "write" stage of a build: it minifies the rendered files and
// publishes them atomically. The files are written into a fresh directory beside the output
// directory and swapped into place only when every file was written, so a failed build
// leaves the previously published site exactly as it was, and files that no longer have a
// source disappear with the old directory.
package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"

	"congkhai/generator/parallel"
	"congkhai/generator/render"
)

// Marker is the file that marks a directory as congkhai's output. Publish refuses to
// replace a non-empty directory without it, so a mistyped --out cannot delete someone's files.
const Marker = ".congkhai"

var markerText = []byte("Thư mục này do congkhai tạo; mỗi lần dựng trang nó được thay thế toàn bộ.\n")

// Stats describes what was published.
type Stats struct {
	Files int
	Pages int   // HTML files
	Bytes int64 // after minification
}

// Minify minifies HTML, CSS and the theme's scripts in place; other files are kept as they are.
func Minify(files []render.File) error {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	// The minifier is safe for concurrent use; each file is its own slot.
	return parallel.Do(len(files), func(i int) error {
		f := files[i]
		var mime string
		switch path.Ext(f.Path) {
		case ".html":
			mime = "text/html"
		case ".css":
			mime = "text/css"
		case ".js":
			// The theme's scripts; the index's parts are written compact already.
			if !strings.HasPrefix(f.Path, render.AssetsDir+"/") {
				return nil
			}
			mime = "text/javascript"
		default:
			return nil
		}
		var buf bytes.Buffer
		if err := m.Minify(mime, &buf, bytes.NewReader(f.Data)); err != nil {
			return fmt.Errorf("thu gọn %s: %w", f.Path, err)
		}
		files[i].Data = buf.Bytes()
		return nil
	})
}

// Write publishes files as the new content of the directory out.
func Write(out string, files []render.File) (Stats, error) {
	var st Stats
	dst, err := target(out)
	if err != nil {
		return st, err
	}
	if err := checkReplaceable(dst); err != nil {
		return st, err
	}
	if err := mkdirAll(filepath.Dir(dst)); err != nil {
		return st, err
	}
	removeOld(dst)
	tmp := sibling(dst, "new")
	if err := disk.mkdir(tmp); err != nil {
		if dst != filepath.Clean(out) {
			return st, fmt.Errorf("%s trỏ tới %s; cần ghi được vào %s để thay trang một lần trọn vẹn: %w", out, dst, filepath.Dir(dst), err)
		}
		return st, err
	}
	ok := false
	defer func() {
		if !ok {
			removeAll(tmp)
		}
	}()
	marker := render.File{Path: Marker, Data: markerText}
	all := append(slices.Clip(files), marker) // Clip: never write into the caller's array
	dirs := map[string]bool{}
	for _, f := range all {
		if !fs.ValidPath(f.Path) || strings.Contains(f.Path, "\\") {
			return st, fmt.Errorf("đường dẫn tệp không hợp lệ: %q", f.Path)
		}
		if d := path.Dir(f.Path); !dirs[d] {
			dirs[d] = true
			if err := mkdirAll(filepath.Join(tmp, filepath.FromSlash(d))); err != nil {
				return st, err
			}
		}
		st.Files++
		st.Bytes += int64(len(f.Data))
		if path.Ext(f.Path) == ".html" {
			st.Pages++
		}
	}
	if err := parallel.Do(len(all), func(i int) error {
		return disk.writeFile(filepath.Join(tmp, filepath.FromSlash(all[i].Path)), all[i].Data)
	}); err != nil {
		return st, err
	}
	if err := swap(tmp, dst); err != nil {
		return st, err
	}
	ok = true
	return st, nil
}

// target returns the folder that publishing to out replaces: out itself or, if out is a
// symbolic link, the folder it points to, which need not exist yet. The link stays, and the
// site lands where it points; the new folder is made beside the target, on its file system.
func target(out string) (string, error) {
	p, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	for range 40 {
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && st.Mode()&fs.ModeSymlink == 0 {
			if filepath.Dir(p) == p {
				return "", fmt.Errorf("không xuất bản vào thư mục gốc %s", p)
			}
			return p, nil
		}
		if err != nil {
			return "", err
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			// Resolve the link's folder first, so that ".." in the link goes where the
			// system takes it.
			dir, err := filepath.EvalSymlinks(filepath.Dir(p))
			if err != nil {
				return "", err
			}
			link = filepath.Join(dir, link)
		}
		p = filepath.Clean(link)
	}
	return "", fmt.Errorf("%s: quá nhiều liên kết tượng trưng nối nhau", out)
}

// swap moves dir into place at out, and removes what was at out before.
func swap(dir, out string) error {
	var old string
	if _, err := os.Lstat(out); err == nil {
		old = sibling(out, "old")
		if err := disk.rename(out, old); err != nil {
			return err
		}
	}
	if err := disk.rename(dir, out); err != nil {
		if old != "" {
			disk.rename(old, out) // put the published site back
		}
		return err
	}
	// The new site is published: failing to remove the old one is no failure of the build.
	// What is left is removed by the next one (removeOld).
	if old != "" {
		removeAll(old)
	}
	return nil
}

// sibling returns a fresh name for a folder of the given kind ("new", "old") beside out.
func sibling(out, kind string) string {
	var b [6]byte
	rand.Read(b[:])
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-"+kind+"-"+hex.EncodeToString(b[:]))
}

// removeOld removes what earlier builds could not remove of the sites they replaced.
func removeOld(out string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-old-*"))
	for _, dir := range old {
		removeAll(dir)
	}
}

func checkReplaceable(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("thư mục %s đã có tệp nhưng không phải do congkhai tạo (thiếu %s): không ghi đè; hãy chọn thư mục khác hoặc xóa nó", out, Marker)
	}
	return nil
}
