package store

import "sort"

// ProfileVotes counts the countries, sectors and sides an actor's mentions
// carry, so that an actor outside the dictionary gets one profile — the
// majority of its mentions — wherever it is listed (marsad actors, every
// export).
type ProfileVotes struct {
	country, sector, side map[string]int
}

// Add counts n mentions with these values; empty values are no vote.
func (v *ProfileVotes) Add(country, sector, side string, n int) {
	if v.country == nil {
		v.country, v.sector, v.side = map[string]int{}, map[string]int{}, map[string]int{}
	}
	for m, val := range map[*map[string]int]string{&v.country: country, &v.sector: sector, &v.side: side} {
		if val != "" {
			(*m)[val] += n
		}
	}
}

// Majority returns the most frequent value of each; ties go to the first
// in sorted order, so the result does not depend on the order of votes.
func (v *ProfileVotes) Majority() (country, sector, side string) {
	return MostFrequent(v.country), MostFrequent(v.sector), MostFrequent(v.side)
}

// MostFrequent returns the key of m with the highest count, the first in
// sorted order among ties ("" for an empty map).
func MostFrequent(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := ""
	for _, k := range keys {
		if best == "" || m[k] > m[best] {
			best = k
		}
	}
	return best
}
