// Package publish is the "write" stage of a build: it minifies the rendered files and
// publishes them atomically. The files are written into a fresh directory beside the output
// directory and swapped into place only when every file was written, so a failed build
// leaves the previously published site exactly as it was, and files that no longer have a
// source disappear with the old directory.
//
// The swap is one exchange where the system has one (renameat2 on Linux), else two renames.
// A build killed at any moment leaves a whole site at out, or, between the two renames, the
// old site aside; Recover, first thing in the next build, puts it back and removes what
// killed builds left. A lock beside out keeps two builds of it from writing at once. A link
// at out is followed: the site is published where it points. What is published is readable
// by all (0644, folders 0755) whatever the umask.
package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

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

// Write publishes files as the new content of the directory out. It holds a lock beside out
// while it writes, so that another build of the same out is refused rather than mixed in;
// it first repairs what interrupted builds left (see Recover).
func Write(out string, files []render.File) (Stats, error) {
	var st Stats
	dirs := map[string]bool{}
	for _, f := range files {
		if !fs.ValidPath(f.Path) || strings.Contains(f.Path, "\\") || f.Path == Marker {
			return st, fmt.Errorf("đường dẫn tệp không hợp lệ: %q", f.Path)
		}
		for d := path.Dir(f.Path); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
		st.Files++
		st.Bytes += int64(len(f.Data))
		if path.Ext(f.Path) == ".html" {
			st.Pages++
		}
	}
	st.Files++
	st.Bytes += int64(len(markerText))

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
	// What is made beside dst, when out is a link, is made beside the folder it points to.
	beside := func(err error) error {
		if abs, _ := filepath.Abs(out); abs != dst {
			return fmt.Errorf("%s trỏ tới %s; cần ghi được vào %s để thay trang một lần trọn vẹn: %w", out, dst, filepath.Dir(dst), err)
		}
		return err
	}
	// After a failure, what is at dst is the site published before, untouched, or, if a
	// build was interrupted between two renames, it is aside.
	kept := func(err error) error {
		if _, e := os.Lstat(dst); e == nil {
			return fmt.Errorf("%w; trang đã xuất bản ở %s vẫn giữ nguyên", err, out)
		}
		if _, olds, _ := aside(dst); len(olds) > 0 {
			if last, _ := newest(olds); last != "" {
				return fmt.Errorf("%w; trang đã xuất bản đang nằm ở %s, lần dựng sau sẽ đưa nó về", err, last)
			}
		}
		return err
	}
	unlock, err := disk.lock(lockName(dst))
	if errors.Is(err, errBusy) {
		return st, fmt.Errorf("một lần dựng khác đang ghi vào %s; hãy đợi lần đó xong rồi dựng lại", out)
	}
	if err != nil {
		return st, kept(beside(err))
	}
	defer unlock()
	at(stepLocked)
	if _, err := repair(dst); err != nil {
		return st, err
	}

	tmp, err := newFolder(dst)
	if err != nil {
		return st, kept(beside(err))
	}
	at(stepCreated)
	ok := false
	defer func() {
		if !ok {
			removeSite(tmp)
		}
	}()
	// The marker first: a folder left by a build that was killed is known by it.
	if err := disk.writeFile(filepath.Join(tmp, Marker), markerText); err != nil {
		return st, kept(err)
	}
	at(stepMarked)
	// Parents sort before their children.
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := disk.mkdir(filepath.Join(tmp, filepath.FromSlash(d))); err != nil {
			return st, kept(err)
		}
	}
	var written atomic.Int64
	if err := parallel.Do(len(files), func(i int) error {
		err := disk.writeFile(filepath.Join(tmp, filepath.FromSlash(files[i].Path)), files[i].Data)
		if written.Add(1) == int64(len(files)/2) {
			at(stepWriting)
		}
		return err
	}); err != nil {
		return st, kept(err)
	}
	at(stepWritten)
	if err := swap(tmp, dst); err != nil {
		return st, kept(err)
	}
	ok = true
	return st, nil
}

// newFolder makes a fresh, empty folder beside dst for the new site.
func newFolder(dst string) (string, error) {
	for range 10 {
		tmp := sibling(dst, "new")
		if err := disk.mkdir(tmp); !errors.Is(err, fs.ErrExist) {
			return tmp, err
		}
	}
	return "", fmt.Errorf("không tìm được tên mới cho thư mục tạm bên cạnh %s", dst)
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

// forceRenames, set by tests, makes swap use two renames where it could exchange.
var forceRenames bool

// swap puts the folder dir in place of dst, and removes what was there. Where the system can
// exchange two folders in one step, dst always holds a whole site, the old or the new one.
// Elsewhere, two renames: between them dst is missing and the old site is aside, in a folder
// the next build puts back (see Recover) if this one is killed.
func swap(dir, dst string) error {
	if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
		return disk.rename(dir, dst)
	}
	if !forceRenames {
		err := disk.exchange(dir, dst)
		if err == nil {
			// Published. dir holds the old site now: failing to remove it is no failure of
			// the build; the next one removes what is left.
			at(stepExchanged)
			removeSite(dir)
			return nil
		}
		if !exchangeUnsupported(err) {
			return err
		}
	}
	old := sibling(dst, "old")
	if err := disk.rename(dst, old); err != nil {
		return err
	}
	at(stepMovedOld)
	if err := disk.rename(dir, dst); err != nil {
		disk.rename(old, dst) // put the published site back; if this fails too, Recover will
		return err
	}
	at(stepMovedNew)
	removeSite(old)
	return nil
}

// sibling returns a fresh name for a folder of the given kind ("new", "old") beside out.
func sibling(out, kind string) string {
	var b [6]byte
	rand.Read(b[:])
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-"+kind+"-"+hex.EncodeToString(b[:]))
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
