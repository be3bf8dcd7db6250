def mean(xs):
    return sum(xs) / len(xs)

def median(xs):
    return xs[len(xs) // 2]
