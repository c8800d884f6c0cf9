package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Recover repairs what builds that were interrupted (killed, or stopped by a full disk) left
// beside out. A build calls it first thing, before it reads any content, so that the repair
// does not wait for a build that succeeds.
//
// If out is missing and an old site is aside (a build was killed between the two renames
// that replace out where the system cannot exchange folders), the old site is put back; of
// several, the one written last. Then the folders congkhai made that no build is writing are
// removed: new sites that were never published, old sites that were not removed. Only
// folders named as congkhai names them and holding its marker (or empty) are touched.
//
// Recover changes nothing while another build of out holds the lock: that build repairs
// first. warn, if not nil, is told what was done.
func Recover(out string, warn func(string)) error {
	dst, err := target(out)
	if err != nil {
		return err
	}
	news, olds, err := aside(dst)
	if _, e := os.Lstat(journalName(dst)); err != nil || len(news)+len(olds) == 0 && e != nil {
		return err // nothing to repair: nothing written, not even the lock
	}
	unlock, err := disk.lock(lockName(dst))
	if errors.Is(err, errBusy) {
		return nil
	}
	if err != nil {
		return err
	}
	defer unlock()
	notes, err := repair(dst)
	if warn != nil {
		for _, n := range notes {
			warn(n)
		}
	}
	return err
}

// repair does the work of Recover; the caller holds the lock. It fails only if out is
// missing and the old site could not be put back.
func repair(dst string) (notes []string, err error) {
	// An incremental build killed while it moved its files: completing it comes first, as
	// its staging folder is one of the folders removed below.
	// A journal or a manifest cut short while it was written is not one.
	for _, name := range []string{journalName(dst) + ".tmp", manifestName(dst) + ".tmp"} {
		if _, err := os.Lstat(name); err == nil {
			if err := disk.remove(name); err != nil {
				return nil, err
			}
		}
	}
	note, err := completeJournal(dst)
	if err != nil {
		return nil, err
	}
	if note != "" {
		notes = append(notes, note)
	}
	news, olds, err := aside(dst)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
		if last, n := newest(olds); last != "" {
			if err := disk.rename(last, dst); err != nil {
				return nil, fmt.Errorf("%s bị mất khi một lần dựng trước bị ngắt; không đưa được trang đã xuất bản về từ %s: %w", dst, last, err)
			}
			at(stepRestored)
			note := fmt.Sprintf("%s bị mất khi một lần dựng trước bị ngắt; đã đưa trang đã xuất bản về từ %s", dst, filepath.Base(last))
			if n > 1 {
				note += fmt.Sprintf(" (bản ghi sau cùng trong %d bản, theo giờ của tệp %s)", n, Marker)
			}
			notes = append(notes, note)
			olds = slices.DeleteFunc(olds, func(d string) bool { return d == last })
		}
	}
	var removed []string
	for _, dir := range append(news, olds...) {
		marked, empty := made(dir)
		var err error
		switch {
		case marked:
			err = removeSite(dir)
		case empty:
			err = disk.remove(dir)
		default:
			continue
		}
		if err == nil {
			removed = append(removed, filepath.Base(dir))
		}
	}
	if len(removed) > 0 {
		notes = append(notes, fmt.Sprintf("đã xóa %d thư mục do lần dựng bị ngắt trước đây để lại bên cạnh %s: %s", len(removed), dst, strings.Join(removed, ", ")))
	}
	return notes, nil
}

// newest returns the old site written last among the folders olds, by the time of its
// marker, the first file its build wrote, and how many old sites there are.
func newest(olds []string) (last string, n int) {
	var lastTime time.Time
	for _, dir := range olds {
		if marked, _ := made(dir); !marked {
			continue
		}
		n++
		st, err := os.Stat(filepath.Join(dir, Marker))
		if err == nil && (last == "" || st.ModTime().After(lastTime) || st.ModTime().Equal(lastTime) && dir > last) {
			last, lastTime = dir, st.ModTime()
		}
	}
	return last, n
}

// aside lists, by name alone, the folders builds make beside dst: new sites being written
// (".public-new-1a2b3c") and old sites being replaced (".public-old-1a2b3c").
func aside(dst string) (news, olds []string, err error) {
	entries, err := os.ReadDir(filepath.Dir(dst))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	base := filepath.Base(dst)
	for _, e := range entries {
		for _, kind := range []string{"new", "old"} {
			rest, ok := strings.CutPrefix(e.Name(), "."+base+"-"+kind+"-")
			if !ok || rest == "" || len(rest) > 20 || strings.Trim(rest, "0123456789abcdef") != "" {
				continue
			}
			p := filepath.Join(filepath.Dir(dst), e.Name())
			if kind == "new" {
				news = append(news, p)
			} else {
				olds = append(olds, p)
			}
		}
	}
	return news, olds, nil
}

// made tells whether dir is a folder (not a link) that holds congkhai's marker, or else
// whether it is empty.
func made(dir string) (marked, empty bool) {
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return false, false
	}
	if st, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && st.Mode().IsRegular() {
		return true, false
	}
	f, err := os.Open(dir)
	if err != nil {
		return false, false
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	return false, err == io.EOF
}

// removeSite removes a folder congkhai made, its marker last: a removal cut short leaves a
// folder that the next build still knows as congkhai's, and removes.
func removeSite(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != Marker {
			if err := removeAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	at(stepRemoving)
	if err := disk.remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return disk.remove(dir)
}

// errBusy is the error of lock when another build holds the lock.
var errBusy = errors.New("một lần dựng khác giữ khóa")

// lockName is the lock file of the folder dst, beside it, there while a build writes.
func lockName(dst string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+"-lock")
}
