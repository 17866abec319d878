#!/usr/bin/env bash
# The engine's folders point down (STYLE.md, "Layout and dependency direction"): a folder
# includes only folders of a lower rank; queue/ and store/ share a rank, so neither includes
# the other. Public headers (include/pixelnest/) include only public headers; ui/ includes only
# the engine's public headers; the engine never includes Qt Widgets. Prints each arrow that
# points the wrong way as file:line and exits 1 if there is one.
#   usage: check_include_direction.sh SOURCE_DIR
set -u
root=${1:?usage: check_include_direction.sh SOURCE_DIR}

declare -A rank=(
    [model]=0 [image]=1 [queue]=2 [store]=2 [stack]=3 [config]=4
    [pipeline]=5 [infer]=6 [service]=7 [admin]=8 [runtime]=9
)
violations=0
report() {
    printf '%s\n' "$1"
    violations=$((violations + 1))
}

while IFS= read -r file; do
    relative=${file#"$root/engine/"}
    folder=${relative%%/*}
    [ "$folder" = "$relative" ] && folder="" # engine/logging.cpp and friends: public only
    while IFS=: read -r line target; do
        target_folder=${target%%/*}
        case "$target_folder" in
        pixelnest) continue ;; # the public API is below everything
        esac
        if [ "$folder" = include ] || [ -z "$folder" ]; then
            report "engine/$relative:$line: includes \"$target\": public and root files include only pixelnest/ headers"
        elif [ -z "${rank[$target_folder]+set}" ]; then
            report "engine/$relative:$line: includes \"$target\" from $target_folder/, which is not in the folder order"
        elif [ -z "${rank[$folder]+set}" ]; then
            report "engine/$relative:$line: $folder/ is not in the folder order"
        elif [ "$target_folder" != "$folder" ] && [ "${rank[$target_folder]}" -ge "${rank[$folder]}" ]; then
            report "engine/$relative:$line: $folder/ includes \"$target\": $target_folder/ is not below $folder/"
        fi
    done < <(grep -nE '^\s*#\s*include\s+"[^"]+"' "$file" | sed -E 's/^([0-9]+):\s*#\s*include\s+"([^"]+)".*/\1:\2/')
    grep -nE '#\s*include\s*<(QtWidgets|QWidget|QApplication|QMainWindow|QDialog)' "$file" |
        while IFS=: read -r line _; do
            echo "engine/$relative:$line: the engine includes a Widgets header"
        done | grep . && violations=$((violations + 1))
done < <(find "$root/engine" -name '*.h' -o -name '*.cpp' | sort)

while IFS= read -r file; do
    relative=${file#"$root/"}
    while IFS=: read -r line target; do
        case "${target%%/*}" in
        model | image | queue | store | stack | config | pipeline | infer | service | admin | runtime)
            [ -e "$root/engine/$target" ] &&
                report "$relative:$line: ui/ includes the engine's private \"$target\"" ;;
        esac
    done < <(grep -nE '^\s*#\s*include\s+"[^"]+"' "$file" | sed -E 's/^([0-9]+):\s*#\s*include\s+"([^"]+)".*/\1:\2/')
    grep -nE '#\s*include\s*[<"](hiredis|libpq-fe|torch)' "$file" | while IFS=: read -r line _; do
        echo "$relative:$line: ui/ includes a server or torch header"
    done | grep . && violations=$((violations + 1))
done < <(find "$root/ui" -name '*.h' -o -name '*.cpp' | sort)

if [ "$violations" -gt 0 ]; then
    echo "$violations include(s) point the wrong way"
    exit 1
fi
echo "include direction: every arrow points down"
