#!/bin/sh
# Generates ./configure and Makefile.in from configure.ac and Makefile.am.
# Needs autoconf, automake and pkg-config (for pkg.m4); libtool is not used.
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
exec autoreconf -fi
