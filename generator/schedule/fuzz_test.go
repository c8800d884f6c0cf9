package schedule

import (
	"reflect"
	"testing"
)

// FuzzParse checks that Parse never panics, keeps its input, is deterministic, and returns
// deadlines whose fields hang together. The corpus is seeded with the table's texts.
func FuzzParse(f *testing.F) {
	for _, r := range deadlineRows {
		f.Add(r.text)
	}
	// The plan year is not a fuzzed argument (minimising integers makes the fuzzer crawl);
	// each text is read with a usual year, an unknown one and out-of-range ones instead.
	f.Fuzz(func(t *testing.T, text string) {
		for _, year := range []int{2024, 0, -1, 1, 10000, 1 << 40} {
			d := Parse(text, year)
			if d.Text != text {
				t.Fatalf("Parse(%q, %d).Text = %q", text, year, d.Text)
			}
			checkInvariants(t, d, 0)
			if again := Parse(text, year); !reflect.DeepEqual(d, again) {
				t.Fatalf("Parse(%q, %d) is not deterministic:\n%+v\n%+v", text, year, d, again)
			}
			s := d.Describe()
			if s == "" || s != d.Describe() {
				t.Fatalf("Describe(%q, %d) = %q", text, year, s)
			}
		}
	})
}

func checkInvariants(t *testing.T, d Deadline, depth int) {
	t.Helper()
	if !d.Kind.Valid() {
		t.Fatalf("%q: invalid kind %d", d.Text, d.Kind)
	}
	if d.From.IsZero() != d.Due.IsZero() {
		t.Fatalf("%q: only one of From %v and Due %v is set", d.Text, d.From, d.Due)
	}
	if !d.From.IsZero() {
		if !d.From.Valid() || !d.Due.Valid() {
			t.Fatalf("%q: invalid window %+v..%+v", d.Text, d.From, d.Due)
		}
		if d.Due.Before(d.From) {
			t.Fatalf("%q: Due %v before From %v", d.Text, d.Due, d.From)
		}
	}
	switch d.Kind {
	case KindText, KindEvent:
		if !d.From.IsZero() {
			t.Fatalf("%q: %v with a window", d.Text, d.Kind)
		}
	case KindDate:
		if d.From != d.Due || d.From.IsZero() {
			t.Fatalf("%q: date window %v..%v", d.Text, d.From, d.Due)
		}
	case KindQuarters:
		if len(d.Quarters) == 0 {
			t.Fatalf("%q: no quarters", d.Text)
		}
		for i, q := range d.Quarters {
			if q < 1 || q > 4 || i > 0 && q <= d.Quarters[i-1] {
				t.Fatalf("%q: quarters %v", d.Text, d.Quarters)
			}
		}
	case KindRecurring:
		if p, ok := d.Period(d.From); ok != !d.From.IsZero() || ok && (p.Start.Before(d.From) || p.End.After(d.Due) || p.End.Before(p.Start) || p.Key == "") {
			t.Fatalf("%q: Period(%v) = %+v, %v", d.Text, d.From, p, ok)
		}
	case KindParts:
		if len(d.Parts) == 0 || depth > 0 {
			t.Fatalf("%q: parts %+v at depth %d", d.Text, d.Parts, depth)
		}
		for _, p := range d.Parts {
			checkInvariants(t, p.Deadline, depth+1)
		}
	}
	if d.Kind != KindQuarters && d.Quarters != nil {
		t.Fatalf("%q: quarters on a %v", d.Text, d.Kind)
	}
}
