//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// lock takes an advisory lock on the file name, made if missing. The system releases it when
// the process ends, however it ends, so a killed build never leaves out locked. unlock
// removes the file, so that nothing is left beside out; a build that opened the file before
// it was removed sees that the file it locked is no longer the lock, and tries again.
func (osFS) lock(name string) (unlock func(), err error) {
	for range 100 {
		f, err := os.OpenFile(name, os.O_RDONLY|os.O_CREATE, fileMode)
		if err != nil {
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if err == unix.EWOULDBLOCK {
				return nil, errBusy
			}
			return nil, &os.PathError{Op: "flock", Path: name, Err: err}
		}
		locked, err1 := f.Stat()
		named, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(locked, named) {
			return func() {
				os.Remove(name)
				f.Close()
			}, nil
		}
		f.Close()
	}
	return nil, &os.PathError{Op: "flock", Path: name, Err: errBusy}
}
