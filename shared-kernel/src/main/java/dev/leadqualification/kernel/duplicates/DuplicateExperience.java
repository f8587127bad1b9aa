package dev.leadqualification.kernel.duplicates;

/** How a duplicate warning is shown: the improved "may already exist" experience, or the classic warning. */
public enum DuplicateExperience {
    MAY_ALREADY_EXIST, DUPLICATE_WARNING
}
