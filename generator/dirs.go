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
