using Palisade.Cli;

return PalisadeCommand.Create().Parse(args).Invoke();
