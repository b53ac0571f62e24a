# bash completion for jarva(1) (bash 4 or later). Installed as
# share/bash-completion/completions/jarva; to try it from a source tree:
#   . tools/completion/jarva.bash
# Commands are read from `jarva --help`, each command's options, which take a
# value and the values a choice allows from `jarva help --options COMMAND`
# (printed from the option tables), so they follow the program; goal, indicator and area
# ids come from the database named on the command line (--db, else $JARVA_DB,
# else ./jarva.db).
# shellcheck disable=SC2207 # COMPREPLY=($(compgen -W ...)): the words are ids and names

# _jarva_run ARGS...: runs the jarva being completed with the command line's
# --db and --catalog, errors silenced.
_jarva_run()
{
    local -a global=()
    [[ -n ${_jarva_db-} ]] && global+=(--db "$_jarva_db")
    [[ -n ${_jarva_catalog-} ]] && global+=(--catalog "$_jarva_catalog")
    "$_jarva_prog" "${global[@]}" "$@" 2>/dev/null
}

# The first column of `jarva --format csv LIST...`, without the header.
_jarva_ids()
{
    _jarva_run --format csv "$@" | tail -n +2 | cut -d, -f1 | tr -d '"'
}

# _jarva_files CUR EXT...: directories and files ending in .EXT (without
# needing extglob, which bash-completion turns on but plain bash does not).
_jarva_files()
{
    local cur=$1 f ext
    shift
    local IFS=$'\n'
    for f in $(compgen -f -- "$cur"); do
        if [[ -d $f ]]; then
            COMPREPLY+=("$f")
        else
            for ext; do
                [[ $f == *."$ext" ]] && COMPREPLY+=("$f") && break
            done
        fi
    done
    compopt -o filenames 2>/dev/null
}

# The column names in the header line of a CSV file: split at the commonest
# of ';', ',' and tab, without quotes, a byte-order mark or a CR (names with
# spaces are left out: a completion word cannot hold one).
_jarva_columns()
{
    local file=${1/#\~/$HOME} header sep=, most=0 c n
    [[ -r $file ]] || return
    IFS= read -r header <"$file" || [[ -n $header ]] || return
    header=${header#$'\xef\xbb\xbf'}
    header=${header%$'\r'}
    for c in ';' ',' $'\t'; do
        n=${header//[!$c]/}
        ((${#n} > most)) && most=${#n} && sep=$c
    done
    printf '%s\n' "$header" | tr "$sep" '\n' | tr -d '"' | grep -v '[[:space:]]'
}

_jarva_commands()
{
    "$_jarva_prog" --help 2>/dev/null |
        sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# The option tables of COMMAND (none: before the command) and the global
# ones, a line each: "--name flag", "--name value [CHOICE...]", or "@N
# CHOICE..." for a positional argument; the command's first.
_jarva_spec()
{
    "$_jarva_prog" help --options ${1:+"$1"} 2>/dev/null
}

# _jarva_spec_of SPEC NAME: the words after NAME on its first line of SPEC.
_jarva_spec_of()
{
    local line
    while IFS= read -r line; do
        if [[ ${line%% *} == "$2" ]]; then
            printf '%s\n' "${line#* }"
            return
        fi
    done <<<"$1"
}

_jarva()
{
    local cur prev cword
    local -a words
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s -n : || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]-}
        # Without bash-completion, --opt=value arrives as "--opt" "=" "value".
        if [[ $cur == "=" ]]; then
            cur=""
        elif [[ $prev == "=" ]]; then
            prev=${COMP_WORDS[COMP_CWORD - 2]-}
        fi
    fi
    COMPREPLY=()

    local _jarva_prog=${words[0]} _jarva_db=${JARVA_DB-} _jarva_catalog=${JARVA_CATALOG-}
    _jarva_prog=${_jarva_prog/#\~/$HOME}

    # The command, its position, and the global options given before it;
    # an option's value is skipped when its table says it takes one.
    local command="" i word spec kind
    local -a positional=()
    spec=$(_jarva_spec "")
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        [[ $word == "=" ]] && continue
        case $word in
        --db=*) _jarva_db=${word#--db=} ;;
        --catalog=*) _jarva_catalog=${word#--catalog=} ;;
        -*=*) ;;
        -?*)
            kind=$(_jarva_spec_of "$spec" "$word")
            if [[ $kind == value* ]]; then
                if [[ ${words[i + 1]-} == "=" ]]; then ((i++)); fi
                [[ $word == --db ]] && _jarva_db=${words[i + 1]-}
                [[ $word == --catalog ]] && _jarva_catalog=${words[i + 1]-}
                ((i++))
            fi
            ;;
        *)
            if [[ -z $command ]]; then
                command=$word
                spec=$(_jarva_spec "$command")
            else
                positional+=("$word")
            fi
            ;;
        esac
    done
    _jarva_db=${_jarva_db/#\~/$HOME}
    _jarva_catalog=${_jarva_catalog/#\~/$HOME}

    # Values of options: a choice's from its table, others by what they name.
    kind=$(_jarva_spec_of "$spec" "$prev")
    if [[ $prev == -?* && $kind == "value "* ]]; then
        COMPREPLY=($(compgen -W "${kind#value }" -- "$cur"))
        return
    fi
    case $prev in
    --db)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur") # names may hold spaces
        compopt -o filenames 2>/dev/null
        return
        ;;
    --catalog | --font-dir)
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        compopt -o filenames 2>/dev/null
        return
        ;;
    -o | --output)
        _jarva_files "$cur" pdf PDF
        return
        ;;
    --var | --by | --weight | --strata)
        # The columns of the file being estimated from (its header line).
        # --by takes a comma-separated list: complete its last name.
        local before=""
        [[ $prev == --by && $cur == *,* ]] && before=${cur%,*},
        [[ $command == estimate && -n ${positional[0]-} ]] &&
            COMPREPLY=($(compgen -P "$before" -W "$(_jarva_columns "${positional[0]}")" \
                -- "${cur#"$before"}"))
        return
        ;;
    --goal)
        COMPREPLY=($(compgen -W "$(_jarva_ids goals)" -- "$cur"))
        return
        ;;
    --indicator)
        COMPREPLY=($(compgen -W "$(_jarva_ids indicators)" -- "$cur"))
        return
        ;;
    --source)
        local catalog=${_jarva_catalog:-$(_jarva_catalog_dir)} f
        local -a sources=()
        for f in "$catalog"/sources/*.csv; do
            [[ -e $f ]] && f=${f##*/} && sources+=("${f%.csv}")
        done
        COMPREPLY=($(compgen -W "${sources[*]}" -- "$cur"))
        return
        ;;
    --year | --level | --area | --positive | --valid | --min-n | --min-cell | --notice)
        return
        ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(printf '%s\n' "$spec" | grep -v '^@' | cut -d' ' -f1)" -- "$cur"))
        return
    fi
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$(_jarva_commands)" -- "$cur"))
        return
    fi

    # Positional arguments of each command.
    case $command in
    help)
        [[ ${#positional[@]} -eq 0 ]] && COMPREPLY=($(compgen -W "$(_jarva_commands)" -- "$cur"))
        ;;
    import)
        if [[ ${#positional[@]} -eq 0 ]]; then
            COMPREPLY=($(compgen -W "$(_jarva_spec_of "$spec" @1)" -- "$cur"))
        elif [[ ${#positional[@]} -eq 1 ]]; then
            _jarva_files "$cur" csv CSV tsv TSV txt TXT
        fi
        ;;
    show)
        [[ ${#positional[@]} -eq 0 ]] &&
            COMPREPLY=($(compgen -W "$(_jarva_ids goals) $(_jarva_ids indicators)" -- "$cur"))
        ;;
    trend)
        [[ ${#positional[@]} -eq 0 ]] &&
            COMPREPLY=($(compgen -W "$(_jarva_ids indicators)" -- "$cur"))
        ;;
    batches)
        if [[ ${#positional[@]} -eq 0 ]]; then
            COMPREPLY=($(compgen -W "$(_jarva_spec_of "$spec" @1)" -- "$cur"))
        elif [[ ${#positional[@]} -eq 1 && ${positional[0]} == rm ]]; then
            COMPREPLY=($(compgen -W "$(_jarva_ids batches)" -- "$cur"))
        fi
        ;;
    estimate)
        [[ ${#positional[@]} -eq 0 ]] && _jarva_files "$cur" csv CSV tsv TSV txt TXT
        ;;
    esac
}

# The catalogue jarva reads when none is named: the one installed beside the
# program (PREFIX/bin/jarva, PREFIX/share/jarva/indicators), else /usr's.
_jarva_catalog_dir()
{
    local bin
    bin=$(command -v -- "$_jarva_prog" 2>/dev/null) || bin=""
    if [[ $bin == */bin/* && -d ${bin%/bin/*}/share/jarva/indicators ]]; then
        printf '%s\n' "${bin%/bin/*}/share/jarva/indicators"
    else
        printf '%s\n' /usr/share/jarva/indicators
    fi
}

complete -F _jarva jarva
