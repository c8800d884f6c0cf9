package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// The site is read by a web server running as another user, so what publishing creates is
// readable by all whatever the umask: folders 0755, files 0644.
const (
	dirMode  = 0o755
	fileMode = 0o644
)

// fileSystem is every call publishing makes that changes the file system. Tests replace
// disk to make any one of them fail, as a full, read-only or forbidden disk would.
type fileSystem interface {
	mkdir(name string) error                  // a folder with dirMode
	writeFile(name string, data []byte) error // a file with fileMode
	rename(from, to string) error
	exchange(a, b string) error // swaps two folders in one step, where the system can
	remove(name string) error   // a file or an empty folder
	lock(name string) (unlock func(), err error)
}

var disk fileSystem = osFS{}

type osFS struct{}

func (osFS) mkdir(name string) error {
	if err := os.Mkdir(name, dirMode); err != nil {
		return err
	}
	return os.Chmod(name, dirMode)
}

func (osFS) writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return err
	}
	err = f.Chmod(fileMode)
	if err == nil {
		_, err = f.Write(data)
	}
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

func (osFS) rename(from, to string) error { return os.Rename(from, to) }
func (osFS) remove(name string) error     { return os.Remove(name) }

// mkdirAll makes the folder dir and the missing folders above it.
func mkdirAll(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := mkdirAll(parent); err != nil {
			return err
		}
	}
	if err := disk.mkdir(dir); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// step names a moment of publishing. Tests stop the process at each one and check that what
// is left is a whole site, and that the next build repairs the rest.
type step int

const (
	stepLocked    step = iota // the lock is held; nothing else is done yet
	stepRestored              // an old site was put back at out, which was missing
	stepRemoving              // a folder being removed holds nothing but its marker
	stepCreated               // the new folder exists, empty
	stepMarked                // the new folder holds the marker only
	stepWriting               // half the files are written
	stepWritten               // every file is written; out is untouched
	stepExchanged             // out holds the new site; the new folder holds the old one
	stepMovedOld              // out was renamed aside; the new site is not in place yet
	stepMovedNew              // the new site is in place; the old one is not removed yet
	stepApplying              // an incremental build's journal is written, half its files moved
	stepApplied               // the journal is applied; the staging folder is not removed yet
	numSteps
)

var stepNames = [numSteps]string{"locked", "restored", "removing", "created", "marked", "writing", "written",
	"exchanged", "moved-old", "moved-new", "applying", "applied"}

func (s step) String() string { return stepNames[s] }

// stepHook, when set (only tests set it), is called at every step.
var stepHook func(step)

func at(s step) {
	if stepHook != nil {
		stepHook(s)
	}
}

// removeAll removes path and, if it is a folder, everything in it. It follows no link.
func removeAll(path string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := removeAll(filepath.Join(path, e.Name())); err != nil {
				return err
			}
		}
	}
	return disk.remove(path)
}
