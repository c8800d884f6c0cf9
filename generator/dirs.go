package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"congkhai/generator/content"
	"congkhai/generator/diag"
)

// OverrideDir opens a folder of templates or static files that replace the default ones
// (--templates, --static). Like the content folder, it may hold only folders and regular
// files: every symbolic link, FIFO or device in it is reported, at its path, and the folder
// refused. The file system returned refuses them too, should one appear after the check.
func OverrideDir(dir string) (fs.FS, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("không có thư mục %s", dir)
	}
	fsys := os.DirFS(dir)
	var errs diag.List
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		pos := diag.Pos{File: filepath.ToSlash(filepath.Join(dir, name))}
		switch {
		case err != nil:
			errs.Add(pos, "không đọc được: %v", err)
		case !d.IsDir() && !d.Type().IsRegular():
			errs.Add(pos, "%s", content.NotRegular(d.Type()))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return regularFS{fsys}, nil
}

// regularFS opens only folders and regular files, and nothing through a symbolic link.
type regularFS struct{ fsys fs.FS }

var errNotRegular = errors.New("không phải tệp thường hay thư mục thật (liên kết tượng trưng, ống dẫn, thiết bị)")

func (r regularFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	for p := name; p != "."; p = path.Dir(p) {
		st, err := fs.Lstat(r.fsys, p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() && !st.Mode().IsRegular() {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errNotRegular}
		}
	}
	return r.fsys.Open(name)
}

// SeparateDirs checks that the content folder and the output folder are apart. The output
// folder is replaced as a whole by every build: content inside it would be deleted by the
// build made from it, and an output folder inside the content folder would be read as
// content by the next build. The paths are compared absolute and cleaned, with symbolic
// links resolved as far as they exist, so that no spelling of a path hides the overlap.
func SeparateDirs(contentDir, out string) error {
	c, err := realPath(contentDir)
	if err != nil {
		return err
	}
	o, err := realPath(out)
	if err != nil {
		return err
	}
	switch {
	case c == o:
		return fmt.Errorf("--content %s và --out %s là cùng một thư mục: mỗi lần dựng, thư mục xuất bản bị thay thế toàn bộ; chọn thư mục xuất bản khác", contentDir, out)
	case within(c, o):
		return fmt.Errorf("--content %s nằm trong --out %s: lần dựng sẽ xóa chính nội dung nó được dựng từ đó; chọn thư mục xuất bản ở ngoài thư mục nội dung", contentDir, out)
	case within(o, c):
		return fmt.Errorf("--out %s nằm trong --content %s: trang đã dựng sẽ bị đọc như nội dung ở lần dựng sau; chọn thư mục xuất bản ở ngoài thư mục nội dung", out, contentDir)
	}
	return nil
}

// realPath is the absolute, clean path of p with the symbolic links of its longest existing
// part resolved; the rest, which does not exist yet, is kept as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// within reports whether path is inside dir (both clean and absolute).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}
