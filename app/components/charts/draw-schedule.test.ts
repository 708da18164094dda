import { scheduleDraw, type DrawEnvironment } from "./draw-schedule";

/** A hand-driven browser: tests say when the chart comes near, when the page is idle, when it prints. */
function fakeBrowser({ eager = false, observable = true } = {}) {
  const near: (() => void)[] = [];
  const idleTasks: (() => void)[] = [];
  const printHooks = new Set<() => void>();
  let observing = 0;
  const env: DrawEnvironment = {
    eager,
    observe: observable
      ? (_element, onNear) => {
          observing++;
          near.push(onNear);
          return () => {
            observing--;
          };
        }
      : undefined,
    idle: (task) => {
      idleTasks.push(task);
      return () => idleTasks.splice(idleTasks.indexOf(task), 1);
    },
    onPrint: (before) => {
      printHooks.add(before);
      return () => printHooks.delete(before);
    },
  };
  return {
    env,
    comeNear: () => {
      for (const fn of near.splice(0)) fn();
    },
    runIdle: () => {
      for (const task of idleTasks.splice(0)) task();
    },
    print: () => {
      for (const fn of [...printHooks]) fn();
    },
    pending: () => ({ idle: idleTasks.length, observing, printHooks: printHooks.size }),
  };
}

const element = {} as Element;

describe("when a chart draws", () => {
  test("a chart far from the screen waits; near it, it draws in the next idle moment, once", () => {
    const browser = fakeBrowser();
    const draw = vi.fn();
    scheduleDraw(element, draw, browser.env);
    browser.runIdle();
    expect(draw).not.toHaveBeenCalled();
    browser.comeNear();
    expect(draw).not.toHaveBeenCalled();
    browser.runIdle();
    expect(draw).toHaveBeenCalledTimes(1);
    browser.print();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(browser.pending()).toEqual({ idle: 0, observing: 0, printHooks: 0 });
  });

  test("each chart gets its own idle task, so two charts never draw in one long task", () => {
    const browser = fakeBrowser();
    const first = vi.fn();
    const second = vi.fn();
    scheduleDraw(element, first, browser.env);
    scheduleDraw(element, second, browser.env);
    browser.comeNear();
    expect(browser.pending().idle).toBe(2);
  });

  test("a page for paper (eager) draws in the first idle moment without being scrolled to", () => {
    const browser = fakeBrowser({ eager: true });
    const draw = vi.fn();
    scheduleDraw(element, draw, browser.env);
    expect(browser.pending().observing).toBe(0);
    browser.runIdle();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  test("a browser that cannot tell what is near the screen draws when idle", () => {
    const browser = fakeBrowser({ observable: false });
    const draw = vi.fn();
    scheduleDraw(element, draw, browser.env);
    browser.runIdle();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  test("printing draws every chart still waiting, at once", () => {
    const browser = fakeBrowser();
    const draw = vi.fn();
    scheduleDraw(element, draw, browser.env);
    browser.print();
    expect(draw).toHaveBeenCalledTimes(1);
    browser.comeNear();
    browser.runIdle();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  test("cancelled (the chart left the page) it never draws and leaves nothing behind", () => {
    const browser = fakeBrowser();
    const draw = vi.fn();
    const cancel = scheduleDraw(element, draw, browser.env);
    browser.comeNear();
    cancel();
    browser.runIdle();
    browser.print();
    expect(draw).not.toHaveBeenCalled();
    expect(browser.pending()).toEqual({ idle: 0, observing: 0, printHooks: 0 });
  });
});
