//! Independent pieces of a print job — sheets to draw, streams to compress — done on every core,
//! their results kept in order so the file is the same bytes as one core would make.

use std::thread;

/// How many threads a job's pieces are shared between.
fn workers() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` of every item, in the items' order, the items shared in contiguous runs between the
/// cores. A panic in `f` is raised again here.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers().min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let run = items.len().div_ceil(workers);
    thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> =
            items.chunks(run).map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Calls `f` on every item, the items shared in contiguous runs between the cores.
pub fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    let workers = workers().min(items.len());
    if workers <= 1 {
        items.iter_mut().for_each(f);
        return;
    }
    let run = items.len().div_ceil(workers);
    thread::scope(|s| {
        let f = &f;
        for part in items.chunks_mut(run) {
            s.spawn(move || part.iter_mut().for_each(f));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order_whatever_the_runs() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let items: Vec<usize> = (0..n).collect();
            assert_eq!(map(&items, |i| i * 3), items.iter().map(|i| i * 3).collect::<Vec<_>>(), "{n} items");
            let mut doubled = items.clone();
            for_each_mut(&mut doubled, |i| *i *= 2);
            assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>(), "{n} items");
        }
    }

    #[test]
    #[should_panic(expected = "item 5")]
    fn a_panic_in_one_item_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map(&items, |i| if *i == 5 { panic!("item 5") } else { *i });
    }
}
