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
	"os"
	"path"
	"path/filepath"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"

	"congkhai/generator/parallel"
)

// Marker is the file that marks a directory as congkhai's output. Publish refuses to
// replace a non-empty directory without it, so a mistyped --out cannot delete someone's files.
const Marker = ".congkhai"

var markerText = []byte("Thư mục này do congkhai tạo; mỗi lần dựng trang nó được thay thế toàn bộ.\n")

// minifier minifies HTML, CSS and scripts; it is safe for concurrent use.
var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDefaultAttrVals: true, KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}()

// minifyFile minifies an HTML, CSS or script file in place, unless it is Raw; other files
// are kept as they are.
func minifyFile(f *File) error {
	if f.Raw {
		return nil
	}
	var mime string
	switch path.Ext(f.Path) {
	case ".html":
		mime = "text/html"
	case ".css":
		mime = "text/css"
	case ".js":
		mime = "text/javascript"
	default:
		return nil
	}
	var buf bytes.Buffer
	if err := minifier.Minify(mime, &buf, bytes.NewReader(f.Data)); err != nil {
		return fmt.Errorf("thu gọn %s: %w", f.Path, err)
	}
	f.Data = buf.Bytes()
	return nil
}

// Write publishes files as the whole new content of the directory out, in a fresh folder
// swapped in (see Session, of which it is the simplest use). It holds a lock beside out while
// it writes, so that another build of the same out is refused rather than mixed in; it first
// repairs what interrupted builds left (see Recover).
func Write(out string, files []File) (Stats, error) {
	s, err := Open(out, Options{Full: true})
	if err != nil {
		return Stats{}, err
	}
	defer s.Close()
	if err := parallel.Do(len(files), func(i int) error { return s.Put(files[i], 0) }); err != nil {
		return s.stats(), err
	}
	return s.Commit()
}

// besideErr says, when out is a link, that what is made beside it is made beside the folder
// it points to.
func besideErr(out, dst string, err error) error {
	if abs, _ := filepath.Abs(out); abs != dst {
		return fmt.Errorf("%s trỏ tới %s; cần ghi được vào %s để thay trang một lần trọn vẹn: %w", out, dst, filepath.Dir(dst), err)
	}
	return err
}

// keptErr says where the published site is after a failure: untouched at out, or, if a
// build was interrupted between two renames, aside.
func keptErr(out, dst string, err error) error {
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
