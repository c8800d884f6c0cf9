package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The serve measurement starts `congkhai serve` on the generated content, waits for its
// first build, then changes one progress report several times and measures, each time, how
// long after the file was written the changed task page's bytes are on disk in the folder
// the server serves (the bench reads the page until it holds the change). The server
// writes its site into a folder of its own under TMPDIR, removed when it stops: the bench
// gives it a TMPDIR inside the size's folder, to find that folder. The server is stopped with
// an interrupt, as Ctrl+C would, through the runner, which then reports its peak memory.

// serveEdits is how many times the serve measurement changes the report.
const serveEdits = 5

var (
	serveURLRE   = regexp.MustCompile(`Trang xem trước: (http://\S+)`)
	serveBuiltRE = regexp.MustCompile(`đã dựng (\d+) trang trong (\S+) \(ghi (\d+) tệp, xóa (\d+) tệp\)`)
)

// serverLog reads the lines a running congkhai serve prints and tells what they say.
type serverLog struct {
	url    chan string // its address, once its first build is done
	mu     sync.Mutex
	builds []serveBuild // every build it logged, in order
	failed int          // builds that failed
	tail   bytes.Buffer // its last lines
	closed chan struct{}
}

type serveBuild struct {
	d                time.Duration // as the server measured it
	written, removed int
}

func newServerLog() *serverLog {
	return &serverLog{url: make(chan string, 1), closed: make(chan struct{})}
}

// read reads the server's output until it ends, copying it to log.
func (l *serverLog) read(r io.Reader, log io.Writer) {
	defer close(l.closed)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(log, line)
		l.line(line)
	}
}

func (l *serverLog) line(line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tail.WriteString(line + "\n")
	if l.tail.Len() > 16<<10 {
		keep := bytes.Clone(l.tail.Bytes()[l.tail.Len()-8<<10:])
		l.tail.Reset()
		l.tail.Write(keep)
	}
	if m := serveURLRE.FindStringSubmatch(line); m != nil {
		select {
		case l.url <- m[1]:
		default:
		}
	}
	if m := serveBuiltRE.FindStringSubmatch(line); m != nil {
		d, _ := time.ParseDuration(m[2])
		w, _ := strconv.Atoi(m[3])
		r, _ := strconv.Atoi(m[4])
		l.builds = append(l.builds, serveBuild{d, w, r})
	}
	if strings.Contains(line, "dựng lỗi") {
		l.failed++
	}
}

// count is the number of builds logged, failed ones included.
func (l *serverLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.builds) + l.failed
}

func (l *serverLog) last() serveBuild {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.builds) == 0 {
		return serveBuild{}
	}
	return l.builds[len(l.builds)-1]
}

func (l *serverLog) lastLines() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return lastLines(l.tail.String(), 3)
}

// serve runs the serve measurement: see above.
func (m *measure) serve(ctx context.Context, asOf []string) {
	first, r := m.res.row("serve-first", "congkhai"), m.res.row("serve", "congkhai")
	fail := func(err error) {
		r.errs = append(r.errs, err.Error())
		if len(first.walls) == 0 {
			first.errs = append(first.errs, err.Error())
		}
	}
	e := m.edits()
	file := e.reportFile()
	if len(e.errs) > 0 {
		fail(errors.Join(e.errs...))
		m.undo(e)
		return
	}
	defer m.undo(e)
	plan, task, ok := reportTask(file)
	if !ok {
		fail(fmt.Errorf("%s: không đọc được nhiệm vụ của báo cáo", file))
		return
	}
	page := filepath.Join("ke-hoach", plan, task, "index.html")
	if _, ok := m.ckTree[filepath.ToSlash(page)]; !ok {
		fail(fmt.Errorf("the site has no page %s for the changed report", page))
		return
	}
	tmp := filepath.Join(m.dir, "serve-tmp")
	os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		fail(err)
		return
	}
	defer os.RemoveAll(tmp)

	log, err := os.OpenFile(m.logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		fail(err)
		return
	}
	defer log.Close()
	args := append([]string{"serve", "--content", m.content, "--addr", "127.0.0.1", "--port", "0"}, asOf...)
	fmt.Fprintf(log, "\n$ TMPDIR=%s congkhai %s\n", tmp, strings.Join(args, " "))
	result := filepath.Join(m.dir, "serve-result.txt")
	os.Remove(result)
	pr, pw, err := os.Pipe()
	if err != nil {
		fail(err)
		return
	}
	cmd := exec.Command(m.b.runner, append([]string{result, m.b.congkhai}, args...)...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	cmd.Stdout, cmd.Stderr = pw, pw
	start := time.Now()
	err = cmd.Start()
	pw.Close()
	if err != nil {
		pr.Close()
		fail(err)
		return
	}
	sl := newServerLog()
	go sl.read(pr, log)
	exited := make(chan error, 1)
	go func() {
		<-sl.closed
		exited <- cmd.Wait()
	}()
	stopped := false
	// stop interrupts the server and waits for it; it is killed if it does not end.
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			<-exited
			fail(errors.New("the server did not stop within a minute of an interrupt"))
		}
	}
	defer stop()
	deadline, cancel := context.WithTimeout(ctx, m.b.cfg.timeout)
	defer cancel()
	// dead says why waiting must end: the server ended, the run stopped, the time is up.
	dead := func() error {
		select {
		case <-sl.closed:
			return fmt.Errorf("congkhai serve ended: %s", sl.lastLines())
		case <-deadline.Done():
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("congkhai serve: took more than %v", m.b.cfg.timeout)
		default:
			return nil
		}
	}

	// The first build is done when the server prints its address.
	var url string
	select {
	case url = <-sl.url:
	case <-sl.closed:
	case <-deadline.Done():
	}
	if url == "" {
		fail(dead())
		return
	}
	first.walls = append(first.walls, time.Since(start))
	// Once the server answers, it watches the content: it starts serving after its watcher.
	client := &http.Client{Timeout: m.b.cfg.timeout}
	resp, err := client.Get(url)
	if err != nil {
		fail(err)
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	served, _ := filepath.Glob(filepath.Join(tmp, "congkhai-serve-*", "public"))
	if len(served) != 1 {
		fail(fmt.Errorf("not one folder of congkhai serve in %s: %v", tmp, served))
		return
	}
	pagePath := filepath.Join(served[0], page)
	before, err := snapshot(served[0], nil)
	if err != nil {
		fail(err)
		return
	}
	first.files, first.pages, first.bytes = before.stats()
	first.d = diff(nil, before)
	var times []time.Duration
	for i := 1; i <= serveEdits && ctx.Err() == nil; i++ {
		marker := fmt.Sprintf("congkhai-bench-serve-%d-%d", time.Now().UnixNano(), i)
		builds := sl.count()
		e.report(reportSentence + " " + marker)
		if len(e.errs) > 0 {
			fail(errors.Join(e.errs...))
			return
		}
		wrote := time.Now()
		d, err := waitFor(pagePath, []byte(marker), true, dead)
		if err != nil {
			fail(err)
			return
		}
		took := d.Sub(wrote)
		if err := waitBuilds(sl, builds, dead); err != nil {
			fail(err)
			return
		}
		after, err := snapshot(served[0], before)
		if err != nil {
			fail(err)
			return
		}
		r.walls = append(r.walls, took)
		r.d = diff(before, after)
		r.files, r.pages, r.bytes = after.stats()
		m.logChanges(r.d)
		times = append(times, sl.last().d)
		before = after
		fmt.Fprintf(log, "(congkhai-bench) edit %d: the page held the change %v after the write\n", i, took)
	}
	// Undo the change while the server runs: it builds the site back.
	builds := sl.count()
	if err := e.undo(); err != nil {
		fail(err)
		return
	}
	if _, err := waitFor(pagePath, []byte("congkhai-bench-serve-"), false, dead); err != nil {
		fail(err)
		return
	}
	if err := waitBuilds(sl, builds, dead); err != nil {
		fail(err)
		return
	}
	stop()
	_, rss, code, err := readResult(result)
	if err == nil && code != 0 {
		err = fmt.Errorf("congkhai serve: exit status %d after an interrupt: %s", code, sl.lastLines())
	}
	if err != nil {
		fail(err)
		return
	}
	first.rss = append(first.rss, rss)
	for range r.walls {
		r.rss = append(r.rss, rss)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "congkhai-serve-*")); len(left) > 0 {
		m.res.note("congkhai serve left its folder %s behind when it stopped.", left[0])
	}
	m.res.serveOwn = times
}

// waitFor reads file until it holds text (or, with want false, no longer does), and returns
// the time it first did. dead ends the wait with its error.
func waitFor(file string, text []byte, want bool, dead func() error) (time.Time, error) {
	for {
		data, err := os.ReadFile(file)
		now := time.Now()
		if err == nil && bytes.Contains(data, text) == want {
			return now, nil
		}
		if err := dead(); err != nil {
			return time.Time{}, err
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitBuilds waits until the server has logged a build after the first n, then for it to
// be quiet for a moment: the change's build is over, and no other is under way.
func waitBuilds(l *serverLog, n int, dead func() error) error {
	for l.count() <= n {
		if err := dead(); err != nil {
			return err
		}
		time.Sleep(5 * time.Millisecond)
	}
	for {
		c := l.count()
		time.Sleep(300 * time.Millisecond)
		if l.count() == c {
			return dead()
		}
	}
}
