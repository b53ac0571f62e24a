#!/bin/sh
# run.sh BUILD_DIR: the main job on the example data: create the database,
# load the plan's catalogue and list the goals and indicators.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
jarva="$build/tools/jarva/jarva"
db="$build/example.db"
"$jarva" --db "$db" init
"$jarva" --db "$db" goals
"$jarva" --db "$db" indicators
