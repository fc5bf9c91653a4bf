package org.twinfold.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the registered {@link Task}s with {@link ServiceLoader}. */
public final class Tasks {

    private Tasks() {
    }

    /** Returns every registered task, sorted by name. */
    public static List<Task> all() {
        List<Task> tasks = new ArrayList<>();
        ServiceLoader.load(Task.class).forEach(tasks::add);
        tasks.sort(Comparator.comparing(Task::name));
        return tasks;
    }

    /** Returns the task with this name, or throws listing the registered tasks. */
    public static Task byName(String name) {
        List<Task> tasks = all();
        for (Task task : tasks) {
            if (task.name().equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; registered tasks are "
                + tasks.stream().map(Task::name).toList() + " (run 'twinfold tasks')");
    }
}
