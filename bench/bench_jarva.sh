# bench_jarva.sh: sourced by estimate.sh, peers.sh and scale.sh after they set
# $build: builds the jarva CLI there as a Release build without tests (the
# benches time the tool a user installs) and sets $build to an absolute path
# and $jarva to the binary.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DJARVA_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target jarva_cli >/dev/null
case $build in /*) ;; *) build=$PWD/$build ;; esac
jarva=$build/tools/jarva/jarva
