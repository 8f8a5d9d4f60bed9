# Sourced by scripts/bench (whole processes, part 2): the ykmfa CLI against `ykmfa sim` (aws-sim + a simulated key
# in vpcd's slot $vpcd_port), timed with timeit (defined in scripts/bench). Uses: $root $out $cli_jar $vpcd_port
# $reader $runs $proc. Sets bridge_pid (stopped by scripts/bench's cleanup).
cli_dir="$(mktemp -d)"
admin_id=AKIAIOSFODNN7EXAMPLE
admin_secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
role_arn="arn:aws:iam::123456789012:role/developer-ec2-mfa"
mfa_arn="arn:aws:iam::123456789012:mfa/JohnDoe"

# The demo first: it needs nothing outside the process.
timeit demo java -jar "$cli_jar" demo

# aws-sim start-up as a whole process: from exec to the `ready` line of `ykmfa sim --no-key`.
times=()
for _ in $(seq "$runs"); do
  log="$cli_dir/sim-start.log"; : > "$log"
  t0=$(date +%s%N)
  java -jar "$cli_jar" sim --no-key --aws-port 0 > "$log" 2>&1 &
  sp=$!
  while ! grep -q '^ready' "$log" && kill -0 "$sp" 2>/dev/null; do sleep 0.005; done
  t1=$(date +%s%N)
  kill "$sp" 2>/dev/null; wait "$sp" 2>/dev/null
  grep -q '^ready' "$log" && times+=("$(( (t1 - t0) / 1000 ))")
done
if [ "${#times[@]}" -gt 0 ]; then
  printf '{"results":[{"times":[%s]}]}\n' "$(printf '%s\n' "${times[@]}" | awk '{printf "%s%.6f", (NR>1?",":""), $1/1e6}')" > "$out/hf-sim_startup.json"
  echo "PROCESS {\"name\":\"sim_startup\"}" >> "$proc"
else
  echo "SKIPPED sim_startup: ykmfa sim --no-key never printed ready: $(tail -n 2 "$cli_dir/sim-start.log" | tr '\n' ' ')" >> "$proc"
fi

vpcd_listening() { ss -ltn 2>/dev/null | grep -q ":$vpcd_port "; }
if ! vpcd_listening; then
  # Connecting to a vpcd port nobody listens on can self-connect (the port is in the ephemeral range) and then
  # block pcscd from binding it; so only start the bridge once vpcd listens.
  echo "SKIPPED ykmfa_code: vpcd is not listening on $vpcd_port (start pcscd with vsmartcard-vpcd)" >> "$proc"
  echo "SKIPPED ykman_code: vpcd is not listening on $vpcd_port" >> "$proc"
  echo "SKIPPED credential_process_hit: needs the simulated key behind vpcd for the enrollment" >> "$proc"
  return 0 2>/dev/null || exit 0
fi

java -jar "$cli_jar" sim --aws-port 0 --vpcd "127.0.0.1:$vpcd_port" --state "$cli_dir/state" > "$cli_dir/sim.log" 2>&1 &
bridge_pid=$!
for _ in $(seq 100); do grep -q '^ready' "$cli_dir/sim.log" && break; sleep 0.2; done
endpoint="$(sed -n 's/^AWS endpoint: \(http[^ ]*\).*/\1/p' "$cli_dir/sim.log" | head -1)"
if ! grep -q '^ready' "$cli_dir/sim.log" || [ -z "$endpoint" ]; then
  echo "SKIPPED cli_world: ykmfa sim did not become ready: $(tail -n 3 "$cli_dir/sim.log" | tr '\n' ' ')" >> "$proc"
  return 0 2>/dev/null || exit 0
fi

# ykmfa code vs ykman on the same simulated key, same credential.
java -jar "$cli_jar" --reader "$reader" add bench-code JBSWY3DPEHPK3PXP > "$cli_dir/add.log" 2>&1
if command -v ykman > /dev/null; then
  # interleaved (ykmfa, ykman, ykmfa, ...) so that load drift hits both alike
  interleaved "ykmfa_code=java -jar $cli_jar --reader '$reader' code bench-code" \
              "ykman_code=ykman --reader '$reader' oath accounts code -s bench-code"
  peak_rss ykmfa_code java -jar "$cli_jar" --reader "$reader" code bench-code
  peak_rss ykman_code ykman --reader "$reader" oath accounts code -s bench-code
else
  timeit ykmfa_code java -jar "$cli_jar" --reader "$reader" code bench-code
  echo "SKIPPED ykman_code: ykman is not installed (apt-get install yubikey-manager)" >> "$proc"
fi

# credential-process: enroll JohnDoe through the CLI, fill the cache once (key + AssumeRole), then time cache hits.
AWS_ACCESS_KEY_ID=$admin_id AWS_SECRET_ACCESS_KEY=$admin_secret java -jar "$cli_jar" --endpoint-url "$endpoint" \
  --reader "$reader" enroll --user JohnDoe --role-name developer-ec2-mfa \
  --access-key-out "$cli_dir/JohnDoe.credentials" > "$cli_dir/enroll.log" 2>&1
cp_args=(credential-process --endpoint-url "$endpoint" --role-arn "$role_arn" --serial-number "$mfa_arn"
         --cache-dir "$cli_dir/cache")
export AWS_SHARED_CREDENTIALS_FILE="$cli_dir/JohnDoe.credentials"
export AWS_CONFIG_FILE="$cli_dir/no-config"
# The enrollment enabled the device with this step's and the next step's codes, and AWS accepts no code of a step
# at or before the last one used: wait for the step after them (up to 60 s), else the first AssumeRole is refused.
now=$(date +%s)
sleep $(( (now / 30 + 2) * 30 - now + 1 ))
# first call reads the key and assumes the role, filling the cache
java -jar "$cli_jar" --reader "$reader" "${cp_args[@]}" > "$cli_dir/fill.json" 2> "$cli_dir/fill.log"
if grep -q '"SessionToken"' "$cli_dir/fill.json"; then
  # interleaved with the hello anchor (hello, hit, hit via launcher, hello, ...): the ratio is what counts
  cp_line="$(printf '%q ' "${cp_args[@]}")"
  interleaved "hello=$hello_cmd" "credential_process_hit=java -jar $cli_jar $cp_line" \
              "credential_process_hit_launcher=$root/ykmfa $cp_line"
  peak_rss credential_process_hit java -jar "$cli_jar" "${cp_args[@]}"
  peak_rss credential_process_hit_launcher "$root/ykmfa" "${cp_args[@]}"
else
  echo "SKIPPED credential_process_hit: filling the cache failed: $(tail -n 2 "$cli_dir/enroll.log" "$cli_dir/fill.log" | tr '\n' ' ')" >> "$proc"
fi
unset AWS_SHARED_CREDENTIALS_FILE AWS_CONFIG_FILE
kill "$bridge_pid" 2>/dev/null || true
wait "$bridge_pid" 2>/dev/null || true
bridge_pid=""
