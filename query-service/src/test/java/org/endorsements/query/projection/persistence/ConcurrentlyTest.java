package org.endorsements.query.projection.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void results_come_back_in_the_order_of_the_tasks() {
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3, () -> 4, () -> 5);

        assertThat(Concurrently.call(tasks)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void the_tasks_of_one_step_run_at_the_same_time() {
        // Each task waits until all three have started: one after another, the first would wait in vain.
        CountDownLatch started = new CountDownLatch(3);
        Callable<Boolean> task = () -> {
            started.countDown();
            return started.await(10, TimeUnit.SECONDS);
        };

        assertThat(Concurrently.call(List.of(task, task, task))).containsOnly(true);
    }

    @Test
    void a_failed_task_fails_the_step_only_once_every_other_task_has_finished() {
        AtomicBoolean slowTaskFinished = new AtomicBoolean();
        Runnable failing = () -> {
            throw new IllegalStateException("write refused");
        };
        Runnable slow = () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowTaskFinished.set(true);
        };

        assertThatThrownBy(() -> Concurrently.run(List.of(failing, slow))).hasMessage("write refused");
        assertThat(slowTaskFinished).isTrue();
    }

    @Test
    void a_failure_on_another_thread_reaches_the_caller_as_it_was_thrown() {
        Runnable fine = () -> { };
        Runnable failing = () -> {
            throw new IllegalArgumentException("bad document");
        };

        assertThatThrownBy(() -> Concurrently.run(List.of(fine, failing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad document");
    }

    @Test
    void no_task_is_nothing_to_do() {
        assertThat(Concurrently.<Integer>call(List.of())).isEmpty();
    }
}
