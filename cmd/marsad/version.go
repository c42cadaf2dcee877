package main

import marsad "github.com/marsad/marsad"

func marsadVersion() string { return marsad.CoderVersion }
