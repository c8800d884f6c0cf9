package render

import (
	"reflect"
	"testing"

	"congkhai/generator/search"
)

// Every field of a search record, a kind and a filter changes the index's input hash: a
// field the hash left out would keep a stale index after an edit of it.
func TestSearchHashSeesEveryField(t *testing.T) {
	base := func() *searchInput {
		return &searchInput{
			Kinds: []search.Kind{{ID: "k", Label: "K", Boost: 1}},
			Plans: []search.Filter{{ID: "p", Label: "P"}},
			Docs:  []search.Doc{{Kind: "k", URL: "u", Title: "t", Body: []string{"b"}}},
		}
	}
	want := base().hash()
	if base().hash() != want {
		t.Fatal("the hash of the same input differs")
	}
	change := func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Float64:
			v.SetFloat(v.Float() + 0.5)
		case reflect.Slice:
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		default:
			t.Fatalf("a field of kind %s: teach this test and the hash about it", v.Kind())
		}
	}
	for _, target := range []struct {
		name string
		of   func(*searchInput) reflect.Value
	}{
		{"Doc", func(in *searchInput) reflect.Value { return reflect.ValueOf(&in.Docs[0]).Elem() }},
		{"Kind", func(in *searchInput) reflect.Value { return reflect.ValueOf(&in.Kinds[0]).Elem() }},
		{"Filter", func(in *searchInput) reflect.Value { return reflect.ValueOf(&in.Plans[0]).Elem() }},
	} {
		n := target.of(base()).NumField()
		for i := range n {
			in := base()
			v := target.of(in)
			change(v.Field(i))
			if in.hash() == want {
				t.Errorf("%s.%s changed and the hash did not", target.name, v.Type().Field(i).Name)
			}
		}
	}
}
