package planimport

import (
	"fmt"

	"congkhai/generator/diag"
)

// Level says how a piece of the source was taken.
type Level uint8

const (
	Read    Level = iota // read as it is; listed only in counts
	Unsure               // imported, but a person should check it: the note says what
	Skipped              // not imported: the note says why
)

var levelNames = [...]string{"đọc", "cần xem lại", "bỏ qua"}

func (l Level) String() string { return levelNames[l] }

// Note is one line of the import report: a piece of the source, where it is, and what the
// importer made of it.
type Note struct {
	Pos   diag.Pos
	Level Level
	Msg   string
}

func (n Note) String() string { return fmt.Sprintf("%s: %s: %s", n.Pos, n.Level, n.Msg) }

// notes collects the notes of an import.
type notes []Note

func (ns *notes) read(pos diag.Pos, format string, args ...any) {
	*ns = append(*ns, Note{pos, Read, fmt.Sprintf(format, args...)})
}

func (ns *notes) unsure(pos diag.Pos, format string, args ...any) {
	*ns = append(*ns, Note{pos, Unsure, fmt.Sprintf(format, args...)})
}

func (ns *notes) skipped(pos diag.Pos, format string, args ...any) {
	*ns = append(*ns, Note{pos, Skipped, fmt.Sprintf(format, args...)})
}
