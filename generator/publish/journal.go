package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// An incremental build changes the published folder in place: it moves the files it staged
// into out and removes those no output has any more. Before it moves anything it writes a
// journal beside out, ".<out>-journal", naming the staging folder, every file to move and to
// remove, and the manifest that will describe the result. A build killed while it applies
// the journal leaves it there, and the next build completes it before anything else
// (Recover), so that a site is never left half updated for longer than one build's start.

type journal struct {
	stage string   // the staging folder's name, beside out
	puts  []string // files staged, to move into out
	dels  []string // files to remove from out
	next  manifest // the manifest of the result
}

const journalHeader = "congkhai-journal 1"

func journalName(dst string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+"-journal")
}

// encode writes the journal: a header, the staging folder, then "put <path>" and
// "del <path>" lines, then the manifest.
func (j journal) encode() []byte {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n" + j.stage + "\n")
	for _, p := range j.puts {
		b.WriteString("put " + p + "\n")
	}
	for _, p := range j.dels {
		b.WriteString("del " + p + "\n")
	}
	b.WriteString("manifest\n")
	b.Write(j.next.encode())
	return b.Bytes()
}

func parseJournal(data []byte) (journal, bool) {
	var j journal
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != journalHeader {
		return j, false
	}
	stage, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || !strings.HasPrefix(string(stage), ".") || strings.ContainsAny(string(stage), `/\`) {
		return j, false
	}
	j.stage = string(stage)
	for {
		line, more, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return j, false
		}
		rest = more
		s := string(line)
		if s == "manifest" {
			break
		}
		op, p, _ := strings.Cut(s, " ")
		if !fs.ValidPath(p) || p == "." || p == Marker {
			return j, false
		}
		switch op {
		case "put":
			j.puts = append(j.puts, p)
		case "del":
			j.dels = append(j.dels, p)
		default:
			return j, false
		}
	}
	j.next, ok = parseManifest(rest)
	return j, ok
}

// writeJournal writes the journal of dst, whole or not at all.
func writeJournal(dst string, j journal) error {
	return replaceFile(journalName(dst), j.encode())
}

// applyJournal carries out a journal: it moves the staged files into dst, removes the files
// to remove and the folders they leave empty, names the new build in the marker, writes the
// manifest, and removes the journal and the staging folder. Every step can be done again,
// so a journal interrupted anywhere is completed by applying it again.
func applyJournal(dst string, j journal) error {
	stage := filepath.Join(filepath.Dir(dst), j.stage)
	made := map[string]bool{}
	for i, p := range j.puts {
		from, to := filepath.Join(stage, filepath.FromSlash(p)), filepath.Join(dst, filepath.FromSlash(p))
		if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
			continue // moved before the interruption
		}
		if d := path.Dir(p); d != "." && !made[d] {
			if err := mkdirAll(filepath.Join(dst, filepath.FromSlash(d))); err != nil {
				return err
			}
			made[d] = true
		}
		if err := disk.rename(from, to); err != nil {
			return err
		}
		if i == len(j.puts)/2 {
			at(stepApplying)
		}
	}
	for _, p := range j.dels {
		if err := disk.remove(filepath.Join(dst, filepath.FromSlash(p))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// The folders a page leaves empty go with it.
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if err := disk.remove(filepath.Join(dst, filepath.FromSlash(d))); err != nil {
				break // not empty, or gone
			}
		}
	}
	if err := replaceFile(filepath.Join(dst, Marker), j.next.marker()); err != nil {
		return err
	}
	if err := writeManifest(dst, j.next); err != nil {
		return err
	}
	if err := disk.remove(journalName(dst)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	at(stepApplied)
	if _, err := os.Lstat(stage); err == nil {
		removeSite(stage)
	}
	return nil
}

// completeJournal completes, first thing in a build, a journal an interrupted build left.
// A journal that cannot be read is removed with the manifest: the next publish replaces the
// site whole.
func completeJournal(dst string) (note string, err error) {
	data, err := os.ReadFile(journalName(dst))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	j, ok := parseJournal(data)
	if !ok {
		disk.remove(manifestName(dst))
		disk.remove(journalName(dst))
		return fmt.Sprintf("nhật ký cập nhật %s bị hỏng: lần dựng này sẽ ghi lại toàn bộ trang", dst), nil
	}
	if err := applyJournal(dst, j); err != nil {
		return "", fmt.Errorf("không hoàn tất được việc cập nhật %s mà một lần dựng trước bị ngắt để lại: %w", dst, err)
	}
	return fmt.Sprintf("đã hoàn tất việc cập nhật %s mà một lần dựng trước bị ngắt để lại (%d tệp ghi, %d tệp xóa)", dst, len(j.puts), len(j.dels)), nil
}
