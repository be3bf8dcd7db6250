from pathlib import Path
D = Path('/app/task_file')
lines = (D/'numbers.txt').read_text().splitlines()
nums = [int(x) for x in lines]
mean = sum(nums) / len(lines)
(D/'report.txt').write_text(f"mean={mean}\nmax={max(nums)}\n")
