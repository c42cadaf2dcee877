package main

import (
	"os"
	"sync"

	"github.com/marsad/marsad/coder"
	"github.com/marsad/marsad/knowledge"
)

// knowledgeOnce opens the knowledge folder once per process: the built-in
// files, with MARSAD_DATA's files over them, file by file. This is the
// only place that reads MARSAD_DATA for coding.
var knowledgeOnce = sync.OnceValues(func() (*knowledge.Base, error) {
	return knowledge.Open(os.Getenv(knowledge.EnvVar))
})

// openKnowledge returns the process's knowledge.
func openKnowledge() (*knowledge.Base, error) { return knowledgeOnce() }

// runCoder returns the coder commands code with: the learned event filter
// on, unless MARSAD_NO_FILTER is set (to see what the rules alone do).
func runCoder() (*coder.Coder, error) {
	k, err := openKnowledge()
	if err != nil {
		return nil, err
	}
	return k.Coder(os.Getenv("MARSAD_NO_FILTER") == "")
}
